/**
 * Certificate PDF (Node only: pdf-lib stays out of the Worker bundle). A4 landscape, standard
 * Helvetica fonts, the QR code drawn as vectors, and the verification URL printed and linked.
 */
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { fitText } from "./fit-text";
import { asciiUrl, formatIssueDate } from "./format";
import { drawLink, drawQrCode } from "./qr-page";
import { makeEncodable } from "./win-ansi";

export { formatIssueDate } from "./format";
export { makeEncodable } from "./win-ansi";

export interface CertificatePdfInput {
  learnerName: string;
  courseTitle: string;
  issuedAt: Date;
  issuerName: string;
  verifyUrl: string;
  certificateId: string;
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const INK = rgb(0.11, 0.13, 0.18);
const MUTED = rgb(0.38, 0.41, 0.47);
const ACCENT = rgb(0.16, 0.33, 0.72);
const MARGIN = 56;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  // No automatic metadata: "now" as creation date would make every render differ.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const page = doc.addPage(A4_LANDSCAPE);
  const { width, height } = page.getSize();

  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: ACCENT,
    borderWidth: 2,
  });
  drawBody(page, fonts, input);
  drawFooter(page, fonts, input);
  setMetadata(doc, input);
  return doc.save({ useObjectStreams: false });
}

function drawBody(page: PDFPage, fonts: Fonts, input: CertificatePdfInput): void {
  // A flow from the top: long names and titles wrap to a second line and push the rest down.
  const { width, height } = page.getSize();
  let y = height - 110;
  const line = (text: string, font: PDFFont, size: number, color: Color, gapAfter: number) => {
    centered(page, text, y, font, size, color);
    y -= gapAfter;
  };
  const block = (text: string, fitted: { max: number; min: number }, gapAfter: number) => {
    const printable = makeEncodable(text, fonts.bold);
    const { lines, size } = fitText(printable, fonts.bold, {
      ...fitted,
      width: width - 2 * MARGIN,
      maxLines: 2,
    });
    for (const [index, text] of lines.entries()) {
      line(text, fonts.bold, size, INK, index === lines.length - 1 ? gapAfter : size * 1.2);
    }
  };
  line("CERTIFICATE OF COMPLETION", fonts.bold, 16, ACCENT, 55);
  line("This certifies that", fonts.regular, 14, MUTED, 60);
  block(input.learnerName, { max: 40, min: 20 }, 45);
  line("has successfully completed the course", fonts.regular, 14, MUTED, 42);
  block(input.courseTitle, { max: 26, min: 14 }, 43);
  line(
    `Issued on ${formatIssueDate(input.issuedAt)} by ${input.issuerName}`,
    fonts.regular,
    13,
    INK,
    0,
  );
}

function drawFooter(page: PDFPage, fonts: Fonts, input: CertificatePdfInput): void {
  const url = asciiUrl(input.verifyUrl);
  const qrSize = 118;
  const qrX = page.getWidth() - MARGIN - qrSize + 12;
  const qrY = MARGIN - 12;
  drawQrCode(page, url, qrX, qrY, qrSize);
  drawLink(page, url, [qrX, qrY, qrX + qrSize, qrY + qrSize]);

  const text = (value: string, y: number, font: PDFFont, size: number, color = MUTED) => {
    const printable = makeEncodable(value, font);
    page.drawText(printable, { x: MARGIN, y, font, size, color });
    return font.widthOfTextAtSize(printable, size);
  };
  text("Verify this certificate:", MARGIN + 46, fonts.bold, 10, INK);
  const urlWidth = text(url, MARGIN + 30, fonts.regular, 10, ACCENT);
  drawLink(page, url, [MARGIN, MARGIN + 27, MARGIN + urlWidth, MARGIN + 41]);
  text(`Certificate ID: ${input.certificateId}`, MARGIN + 14, fonts.regular, 9);
}

function centered(
  page: PDFPage,
  value: string,
  y: number,
  font: PDFFont,
  size: number,
  color: Color,
) {
  const printable = makeEncodable(value, font);
  const width = font.widthOfTextAtSize(printable, size);
  page.drawText(printable, { x: (page.getWidth() - width) / 2, y, font, size, color });
}

function setMetadata(doc: PDFDocument, input: CertificatePdfInput): void {
  // Metadata strings are UTF-16 in PDF, so they keep names the page fonts cannot draw.
  doc.setTitle(`Certificate of completion: ${input.courseTitle} — ${input.learnerName}`);
  doc.setAuthor(input.issuerName);
  doc.setSubject(`Verify at ${asciiUrl(input.verifyUrl)} (certificate ${input.certificateId})`);
  doc.setKeywords(["certificate", "verifiable credential", "Open Badges", input.certificateId]);
  doc.setCreator(input.issuerName);
  doc.setProducer("Lumen (pdf-lib)");
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
}
