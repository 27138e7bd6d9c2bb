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
import { formatIssueDate, makeEncodable, renderCertificatePdf } from "./index";

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

/** Text drawn with the standard fonts is written as WinAnsi hex strings: `/F 12 Tf … <4164…> Tj`. */
function textRuns(content: string): { size: number; text: string }[] {
  return [...content.matchAll(/ ([\d.]+) Tf\n(?:[^\n]*\n)*?<([0-9A-Fa-f]*)> Tj/g)].map(
    ([, size, hex]) => ({
      size: Number(size),
      text: new TextDecoder("latin1").decode(
        Uint8Array.from(hex?.match(/../g) ?? [], (h) => Number.parseInt(h, 16)),
      ),
    }),
  );
}

function shownText(content: string): string[] {
  return textRuns(content).map((run) => run.text);
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
    const text = shownText(content);
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

  it("renders names outside WinAnsi without crashing and keeps them exact in the metadata", async () => {
    for (const learnerName of ["Zoë Ångström", "Łukasz Żółć-Dvořák", "山田 太郎", "Иван 👩‍🎓\nx"]) {
      const { doc, content } = await load(await renderCertificatePdf({ ...input, learnerName }));
      expect(doc.getTitle()).toContain(learnerName);
      expect(shownText(content).length).toBeGreaterThan(4);
    }
    const { content } = await load(
      await renderCertificatePdf({ ...input, learnerName: "Zoë Ångström" }),
    );
    expect(shownText(content)).toContain("Zoë Ångström");
  });

  it("wraps and shrinks a very long course title instead of letting it overflow", async () => {
    const courseTitle = "A very long course title ".repeat(8).trim();
    const { content } = await load(await renderCertificatePdf({ ...input, courseTitle }));
    const runs = textRuns(content).filter(
      (r) => r.text.startsWith("A very") || r.text.startsWith("course"),
    );
    const bold = await (await PDFDocument.create()).embedFont("Helvetica-Bold");
    expect(runs.map((r) => r.text).join(" ")).toBe(courseTitle);
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expect(run.size).toBeLessThan(26);
      expect(bold.widthOfTextAtSize(run.text, run.size)).toBeLessThanOrEqual(841.89 - 2 * 56);
    }
  });

  it("cuts a title too long for two lines with an ellipsis", async () => {
    const courseTitle = "Endless ".repeat(60).trim();
    const { content } = await load(await renderCertificatePdf({ ...input, courseTitle }));
    const runs = textRuns(content).filter((r) => r.text.startsWith("Endless"));
    expect(runs).toHaveLength(2);
    expect(runs[1]?.text.endsWith("…")).toBe(true);
    expect(runs[0]?.size).toBe(14);
  });
});

describe("makeEncodable", () => {
  it("keeps Latin-1, drops accents WinAnsi lacks and replaces the rest", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont("Helvetica");
    expect(makeEncodable("Zoë Ångström", font)).toBe("Zoë Ångström");
    expect(makeEncodable("Łukasz Żółć-Dvořák", font)).toBe("Lukasz Zólc-Dvorák");
    expect(makeEncodable("山田 太郎", font)).toBe("?? ??");
    expect(makeEncodable("  a\n\tb  ", font)).toBe("a b");
    expect(() => font.encodeText(makeEncodable("Ḩ𝔘👩‍🎓", font))).not.toThrow();
  });

  it("formats the issue date in UTC", () => {
    expect(formatIssueDate(new Date("2026-11-21T23:59:00Z"))).toBe("21 November 2026");
    expect(formatIssueDate(new Date("2027-01-01T00:00:00Z"))).toBe("1 January 2027");
  });
});
