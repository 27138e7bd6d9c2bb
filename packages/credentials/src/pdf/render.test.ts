import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFString,
} from "pdf-lib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { execFileAsync, pdfTextLines, withPdfFile } from "../testing/poppler";
import { formatIssueDate, renderCertificatePdf } from "./index";

const input = {
  learnerName: "Ada Lovelace",
  courseTitle: "Analytical Engines 101",
  issuedAt: new Date("2026-11-21T10:30:00.000Z"),
  issuerName: "Lumen",
  verifyUrl: "https://edge.lumen.localhost/certificates/0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
  certificateId: "0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
};

/** The decoded content stream of the only page, and the page itself. */
async function load(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((r) => doc.context.lookup(r))
      : [contents];
  let content = "";
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) throw new Error("unexpected content stream type");
    content += new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
  }
  return { doc, page, content };
}

/** Font sizes of the text objects in drawing order (`/F1 40 Tf` inside each BT … ET). */
function textSizes(content: string): number[] {
  return [...content.matchAll(/BT\n(?:[^\n]*\n)*?\/F\d+ ([\d.]+) Tf/g)].map(([, size]) =>
    Number(size),
  );
}

function linkTargets(doc: PDFDocument): string[] {
  const annots = doc.getPage(0).node.Annots()?.asArray() ?? [];
  return annots.map((ref) => {
    const action = doc.context.lookup(ref, PDFDict).lookup(PDFName.of("A"), PDFDict);
    return action.lookup(PDFName.of("URI"), PDFString).decodeText();
  });
}

describe("renderCertificatePdf", () => {
  it("renders one A4 landscape page with the name, course, date, issuer, URL and id", async () => {
    const bytes = await renderCertificatePdf(input);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { doc, page, content } = await load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(page.getSize()).toEqual({ width: 841.89, height: 595.28 });
    expect(content).toContain("Tf");
    const text = await pdfTextLines(bytes);
    expect(text).toEqual(
      expect.arrayContaining([
        "Ada Lovelace",
        "Analytical Engines 101",
        "Issued on 21 November 2026 by Lumen",
        input.verifyUrl,
        `Certificate ID: ${input.certificateId}`,
      ]),
    );
    expect(linkTargets(doc)).toEqual([input.verifyUrl, input.verifyUrl]);
  });

  it("draws one filled square per dark QR module of the verification URL", async () => {
    const { content } = await load(await renderCertificatePdf(input));
    const squares = content.split("\n").filter((line) => / re$/.test(line));
    const { modules } = QRCode.create(input.verifyUrl, { errorCorrectionLevel: "M" });
    const dark = modules.data.reduce((sum, bit) => sum + (bit ? 1 : 0), 0);
    expect(dark).toBeGreaterThan(100);
    expect(squares).toHaveLength(dark);
  });

  it("stores metadata with the issue date, so the same input renders the same bytes", async () => {
    const bytes = await renderCertificatePdf(input);
    const { doc } = await load(bytes);
    expect(doc.getAuthor()).toBe("Lumen");
    expect(doc.getTitle()).toBe("Certificate of completion: Analytical Engines 101 — Ada Lovelace");
    expect(doc.getSubject()).toContain(input.verifyUrl);
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-11-21T10:30:00.000Z");
    expect(await renderCertificatePdf(input)).toEqual(bytes);
  });

  it("keeps the exact name in the metadata, emoji included, and draws the rest of it", async () => {
    const learnerName = "Иван 👩‍🎓\nПетров";
    const bytes = await renderCertificatePdf({ ...input, learnerName });
    const { doc } = await load(bytes);

    expect(doc.getTitle()).toContain(learnerName);
    expect(await pdfTextLines(bytes)).toContain("Иван Петров");
  });

  it("wraps and shrinks a very long course title instead of letting it overflow", async () => {
    const courseTitle = "A very long course title ".repeat(8).trim();
    const bytes = await renderCertificatePdf({ ...input, courseTitle });
    const { content } = await load(bytes);

    const lines = titleLines(await pdfTextLines(bytes));
    expect(lines.join(" ")).toBe(courseTitle);
    expect(lines).toHaveLength(2);
    // heading, "This certifies that", name, "has successfully…", then the two title lines
    const [first, second] = textSizes(content).slice(4, 6);
    expect(first).toBeLessThan(26);
    expect(second).toBe(first);
    const boxes = await lineBoxes(bytes, ["A", "very"]);
    expect(boxes).toHaveLength(2);
    for (const box of boxes) expect(box.xMax - box.xMin).toBeLessThanOrEqual(841.89 - 2 * 56);
  });

  it("cuts a title too long for two lines with an ellipsis", async () => {
    const courseTitle = "Endless ".repeat(60).trim();
    const bytes = await renderCertificatePdf({ ...input, courseTitle });
    const { content } = await load(bytes);

    const lines = titleLines(await pdfTextLines(bytes));
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    expect(textSizes(content)[4]).toBe(14);
  });

  it("wraps a long title written without spaces (Chinese) between characters", async () => {
    const courseTitle = "数据科学与机器学习的基础理论和实践应用".repeat(3);
    const lines = titleLines(
      await pdfTextLines(await renderCertificatePdf({ ...input, courseTitle })),
    );

    expect(lines.length).toBe(2);
    expect(lines.join("")).toBe(courseTitle);
  });
});

/** The lines of the course title: between "has successfully…" and "Issued on…". */
function titleLines(lines: string[]): string[] {
  const start = lines.indexOf("has successfully completed the course") + 1;
  return lines.slice(
    start,
    lines.findIndex((line) => line.startsWith("Issued on")),
  );
}

/** Bounding boxes of the lines pdftotext finds whose first word is one of `firstWords`. */
async function lineBoxes(bytes: Uint8Array, firstWords: string[]) {
  const html = await withPdfFile(
    bytes,
    async (path) => (await execFileAsync("pdftotext", ["-bbox-layout", path, "-"])).stdout,
  );
  return [
    ...html.matchAll(
      /<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>\s*<word[^>]*>([^<]*)</g,
    ),
  ]
    .filter(([, , , word]) => firstWords.includes(word ?? ""))
    .map(([, xMin, xMax]) => ({ xMin: Number(xMin), xMax: Number(xMax) }));
}

describe("formatIssueDate", () => {
  it("formats the issue date in UTC", () => {
    expect(formatIssueDate(new Date("2026-11-21T23:59:00Z"))).toBe("21 November 2026");
    expect(formatIssueDate(new Date("2027-01-01T00:00:00Z"))).toBe("1 January 2027");
  });
});
