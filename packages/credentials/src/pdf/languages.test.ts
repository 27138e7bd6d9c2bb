import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inkPixels, pdfTextLines, renderRegion } from "../testing/poppler";
import { renderCertificatePdf } from "./index";

const input = {
  learnerName: "Ada Lovelace",
  courseTitle: "مقدمة في البرمجة",
  issuedAt: new Date("2026-11-21T10:30:00.000Z"),
  issuerName: "Lumen",
  verifyUrl: "https://edge.lumen.localhost/certificates/0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
  certificateId: "0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
};

/**
 * A line's letters in order, without vowel marks or spaces. On right-to-left lines poppler's
 * pdftotext puts a mark a span's ActualText carries before its letter (تُ comes out as ُت)
 * and moves the spaces around embedded numbers ("في  21نوفمبر"); the page itself draws them
 * right (see the PNG check in the ADR). The letters and their order are what this checks.
 */
const letters = (line: string) => line.replace(/[\p{M}\s]/gu, "");

async function plainLines(bytes: Uint8Array): Promise<string[]> {
  return (await pdfTextLines(bytes)).map(letters);
}

async function documentLanguage(bytes: Uint8Array): Promise<string | undefined> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.catalog.lookupMaybe(PDFName.of("Lang"), PDFString)?.decodeText();
}

/** The bottom corners at 72 dpi, where the QR code sits (which side depends on direction). */
const LEFT_CORNER = { x: 30, y: 470, width: 150, height: 100 };
const RIGHT_CORNER = { x: 662, y: 470, width: 150, height: 100 };

describe("the certificate PDF in the language it was issued in", () => {
  it("writes a Spanish certificate, its date by Intl, with /Lang es", async () => {
    const bytes = await renderCertificatePdf({
      ...input,
      learnerName: "José Núñez",
      courseTitle: "Introducción a la programación",
      locale: "es",
    });

    expect(await pdfTextLines(bytes)).toEqual(
      expect.arrayContaining([
        "CERTIFICADO DE FINALIZACIÓN",
        "Se certifica que",
        "José Núñez",
        "ha completado con éxito el curso",
        "Introducción a la programación",
        "Expedido el 21 de noviembre de 2026 por Lumen",
        "Verifica este certificado:",
        `ID del certificado: ${input.certificateId}`,
      ]),
    );
    expect(await documentLanguage(bytes)).toBe("es");
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(
      "Certificado de finalización: Introducción a la programación — José Núñez",
    );
  });

  it("writes an Arabic certificate right to left, a Latin name kept as written, /Lang ar", async () => {
    const bytes = await renderCertificatePdf({ ...input, locale: "ar" });

    const expected = [
      "شهادة إتمام",
      "تُمنح هذه الشهادة إلى",
      "Ada Lovelace",
      "تقديرًا لإتمام دورة",
      "مقدمة في البرمجة",
      "صدرت في 21 نوفمبر 2026 عن Lumen",
      "تحقّق من هذه الشهادة:",
      input.verifyUrl,
    ];
    expect(await plainLines(bytes)).toEqual(expect.arrayContaining(expected.map(letters)));
    expect(await plainLines(bytes)).not.toContain("This certifies that");
    expect(await documentLanguage(bytes)).toBe("ar");
  });

  it("mirrors the footer for Arabic: the QR code on the left, English keeps it on the right", async () => {
    const arabic = await renderCertificatePdf({ ...input, locale: "ar" });
    const english = await renderCertificatePdf(input);

    expect(inkPixels(await renderRegion(arabic, LEFT_CORNER))).toBeGreaterThan(3000);
    expect(inkPixels(await renderRegion(english, RIGHT_CORNER))).toBeGreaterThan(3000);
    // Only the footer lines' starts reach the other corner (a few hundred pixels): no QR code.
    expect(inkPixels(await renderRegion(arabic, RIGHT_CORNER))).toBeLessThan(1000);
    expect(inkPixels(await renderRegion(english, LEFT_CORNER))).toBeLessThan(1000);
  });

  it("defaults to English with /Lang en", async () => {
    const bytes = await renderCertificatePdf(input);

    expect(await pdfTextLines(bytes)).toContain("This certifies that");
    expect(await documentLanguage(bytes)).toBe("en");
  });
});
