import { type Locale, textDirection } from "@lumen/shared";
import { PDFDocument, PDFName, PDFString, rgb } from "pdf-lib";
import { asciiUrl, formatIssueDate } from "./format";
import { type Translate, translator } from "./i18n";
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
  /** The language the certificate was issued in (certificates.locale); English by default. */
  locale?: Locale;
}

/** What drawing needs besides the input: the language's words and its direction. */
interface Writing {
  t: Translate;
  rtl: boolean;
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const INK = rgb(0.11, 0.13, 0.18);
const MUTED = rgb(0.38, 0.41, 0.47);
const ACCENT = rgb(0.16, 0.33, 0.72);
const MARGIN = 56;

/**
 * The certificate as a one-page PDF document (A4 landscape): Noto fonts subset to the glyphs
 * used, text shaped with HarfBuzz, the QR code drawn as vectors, the verification URL printed
 * and linked. In the certificate's language: a right-to-left one (Arabic) sets every line of
 * ours in that direction and mirrors the footer (QR code on the left, text from the right).
 * Returned unsaved, so the issuing path can attach the credential and sign it.
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
  const locale = input.locale ?? "en";
  const writing = { t: translator(locale), rtl: textDirection(locale) === "rtl" };
  await drawBody(text, input, writing);
  await drawFooter(text, input, writing);
  await fonts.embed();
  setMetadata(doc, input, writing.t);
  // The document's language, for screen readers and text extraction (ISO 32000 §14.9.2).
  doc.catalog.set(PDFName.of("Lang"), PDFString.of(locale));
  return doc;
}

async function drawBody(
  text: PageText,
  input: CertificatePdfInput,
  { t, rtl }: Writing,
): Promise<void> {
  // A flow from the top: long names and titles wrap to a second line and push the rest down.
  let y = text.page.getHeight() - 110;
  const line = async (value: string, style: TextStyle, gapAfter: number) => {
    await text.centered(value, y, style, rtl);
    y -= gapAfter;
  };
  const block = async (value: string, fitted: { max: number; min: number }, gapAfter: number) => {
    const { lines, size } = await text.fit(value, "bold", {
      ...fitted,
      width: text.page.getWidth() - 2 * MARGIN,
      maxLines: 2,
    });
    // A name or title keeps its own direction: a Latin name on an Arabic certificate is LTR.
    const own = text.rtl(value);
    for (const [index, part] of lines.entries()) {
      await text.centered(part, y, { style: "bold", size, color: INK }, own);
      y -= index === lines.length - 1 ? gapAfter : size * 1.2;
    }
  };
  await line(t("pdf.heading"), { style: "bold", size: 16, color: ACCENT }, 55);
  await line(t("pdf.certifies"), { style: "regular", size: 14, color: MUTED }, 60);
  await block(input.learnerName, { max: 40, min: 20 }, 45);
  await line(t("pdf.completed"), { style: "regular", size: 14, color: MUTED }, 42);
  await block(input.courseTitle, { max: 26, min: 14 }, 43);
  const date = formatIssueDate(input.issuedAt, input.locale);
  await line(
    t("pdf.issued", { date, issuer: input.issuerName }),
    { style: "regular", size: 13, color: INK },
    0,
  );
}

async function drawFooter(
  text: PageText,
  input: CertificatePdfInput,
  { t, rtl }: Writing,
): Promise<void> {
  const page = text.page;
  const url = asciiUrl(input.verifyUrl);
  const qrSize = 118;
  // The QR code sits at the line's end: right on an LTR page, left on an RTL one.
  const qrX = rtl ? MARGIN - 12 : page.getWidth() - MARGIN - qrSize + 12;
  const qrY = MARGIN - 12;
  drawQrCode(page, url, qrX, qrY, qrSize);
  drawLink(page, url, [qrX, qrY, qrX + qrSize, qrY + qrSize]);

  // Footer lines start at the margin on the reading side; the URL itself is always LTR.
  const start = rtl ? page.getWidth() - MARGIN : MARGIN;
  const draw = (value: string, y: number, style: TextStyle, direction = rtl) =>
    rtl ? text.right(value, start, y, style, direction) : text.left(value, start, y, style);
  await draw(t("pdf.verify"), MARGIN + 46, { style: "bold", size: 10, color: INK });
  const urlWidth = await draw(
    url,
    MARGIN + 30,
    { style: "regular", size: 10, color: ACCENT },
    false,
  );
  const urlX = rtl ? start - urlWidth : start;
  drawLink(page, url, [urlX, MARGIN + 27, urlX + urlWidth, MARGIN + 41]);
  await draw(t("pdf.certificate-id", { id: input.certificateId }), MARGIN + 14, {
    style: "regular",
    size: 9,
    color: MUTED,
  });
}

function setMetadata(doc: PDFDocument, input: CertificatePdfInput, t: Translate): void {
  doc.setTitle(t("pdf.meta.title", { course: input.courseTitle, learner: input.learnerName }));
  doc.setAuthor(input.issuerName);
  doc.setSubject(
    t("pdf.meta.subject", { url: asciiUrl(input.verifyUrl), id: input.certificateId }),
  );
  doc.setKeywords(["certificate", "verifiable credential", "Open Badges", input.certificateId]);
  doc.setCreator(input.issuerName);
  doc.setProducer("Lumen (pdf-lib, HarfBuzz)");
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
}
