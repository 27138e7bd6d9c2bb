import { PDFDocument, rgb } from "pdf-lib";
import { asciiUrl, formatIssueDate } from "./format";
import { drawLink, drawQrCode } from "./qr-page";
import { DocumentFonts } from "./text/page-fonts";
import { PageText, type TextStyle } from "./text/page-text";
import { Typesetter } from "./text/typesetter";

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

/**
 * The certificate as a one-page PDF document (A4 landscape): Noto fonts subset to the glyphs
 * used, text shaped with HarfBuzz, the QR code drawn as vectors, the verification URL printed
 * and linked. Returned unsaved, so the issuing path can attach the credential and sign it.
 */
export async function composeCertificatePdf(input: CertificatePdfInput): Promise<PDFDocument> {
  // No automatic metadata: "now" as creation date would make every render differ.
  const doc = await PDFDocument.create({ updateMetadata: false });
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
  const fonts = new DocumentFonts(doc);
  const text = new PageText(page, fonts, await Typesetter.create());
  await drawBody(text, input);
  await drawFooter(text, input);
  await fonts.embed();
  setMetadata(doc, input);
  return doc;
}

async function drawBody(text: PageText, input: CertificatePdfInput): Promise<void> {
  // A flow from the top: long names and titles wrap to a second line and push the rest down.
  let y = text.page.getHeight() - 110;
  const line = async (value: string, style: TextStyle, gapAfter: number) => {
    await text.centered(value, y, style);
    y -= gapAfter;
  };
  const block = async (value: string, fitted: { max: number; min: number }, gapAfter: number) => {
    const { lines, size } = await text.fit(value, "bold", {
      ...fitted,
      width: text.page.getWidth() - 2 * MARGIN,
      maxLines: 2,
    });
    const rtl = text.rtl(value);
    for (const [index, part] of lines.entries()) {
      await text.centered(part, y, { style: "bold", size, color: INK }, rtl);
      y -= index === lines.length - 1 ? gapAfter : size * 1.2;
    }
  };
  await line("CERTIFICATE OF COMPLETION", { style: "bold", size: 16, color: ACCENT }, 55);
  await line("This certifies that", { style: "regular", size: 14, color: MUTED }, 60);
  await block(input.learnerName, { max: 40, min: 20 }, 45);
  await line(
    "has successfully completed the course",
    { style: "regular", size: 14, color: MUTED },
    42,
  );
  await block(input.courseTitle, { max: 26, min: 14 }, 43);
  await line(
    `Issued on ${formatIssueDate(input.issuedAt)} by ${input.issuerName}`,
    { style: "regular", size: 13, color: INK },
    0,
  );
}

async function drawFooter(text: PageText, input: CertificatePdfInput): Promise<void> {
  const page = text.page;
  const url = asciiUrl(input.verifyUrl);
  const qrSize = 118;
  const qrX = page.getWidth() - MARGIN - qrSize + 12;
  const qrY = MARGIN - 12;
  drawQrCode(page, url, qrX, qrY, qrSize);
  drawLink(page, url, [qrX, qrY, qrX + qrSize, qrY + qrSize]);

  await text.left("Verify this certificate:", MARGIN, MARGIN + 46, {
    style: "bold",
    size: 10,
    color: INK,
  });
  const urlWidth = await text.left(url, MARGIN, MARGIN + 30, {
    style: "regular",
    size: 10,
    color: ACCENT,
  });
  drawLink(page, url, [MARGIN, MARGIN + 27, MARGIN + urlWidth, MARGIN + 41]);
  await text.left(`Certificate ID: ${input.certificateId}`, MARGIN, MARGIN + 14, {
    style: "regular",
    size: 9,
    color: MUTED,
  });
}

function setMetadata(doc: PDFDocument, input: CertificatePdfInput): void {
  doc.setTitle(`Certificate of completion: ${input.courseTitle} — ${input.learnerName}`);
  doc.setAuthor(input.issuerName);
  doc.setSubject(`Verify at ${asciiUrl(input.verifyUrl)} (certificate ${input.certificateId})`);
  doc.setKeywords(["certificate", "verifiable credential", "Open Badges", input.certificateId]);
  doc.setCreator(input.issuerName);
  doc.setProducer("Lumen (pdf-lib, HarfBuzz)");
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
}
