import {
  fill,
  type PDFPage,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
} from "pdf-lib";
import { qrCodeOperators } from "./qr";

/** Draws the QR code black on white, all modules in one fill. */
export function drawQrCode(page: PDFPage, url: string, x: number, y: number, size: number): number {
  const qr = qrCodeOperators(url, x, y, size);
  page.pushOperators(
    pushGraphicsState(),
    setFillingGrayscaleColor(0),
    ...qr.operators,
    fill(),
    popGraphicsState(),
  );
  return qr.darkModules;
}

/** A clickable area opening `url` (for readers of the PDF on screen). */
export function drawLink(page: PDFPage, url: string, rect: [number, number, number, number]): void {
  const link = page.doc.context.register(
    page.doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: rect,
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(link);
}
