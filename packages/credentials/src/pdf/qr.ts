import { type PDFOperator, rectangle } from "pdf-lib";
import QRCode from "qrcode";

/** Modules of quiet zone the QR specification asks for around the symbol. */
export const QR_QUIET_ZONE = 4;

export interface QrDrawing {
  /** One `re` path per dark module; the caller sets the colour and fills them together. */
  operators: PDFOperator[];
  darkModules: number;
  /** Side of the symbol including its quiet zone, in points. */
  size: number;
}

/**
 * The QR code as vector squares straight from the qrcode module's matrix: sharp at any zoom and
 * no canvas or image codec needed on the server. (x, y) is the bottom-left corner of the quiet zone.
 */
export function qrCodeOperators(text: string, x: number, y: number, size: number): QrDrawing {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size + 2 * QR_QUIET_ZONE;
  const cell = size / count;
  const operators: PDFOperator[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      // Row 0 is the top of the symbol; PDF y grows upwards.
      const left = x + (col + QR_QUIET_ZONE) * cell;
      const bottom = y + size - (row + QR_QUIET_ZONE + 1) * cell;
      operators.push(rectangle(round(left), round(bottom), round(cell), round(cell)));
    }
  }
  return { operators, darkModules: operators.length, size };
}

/** Three decimals keep the content stream small and byte-for-byte reproducible. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
