import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import {
  documentErrorMessage,
  documentPreviewUrl,
  looksLikePdf,
  PDF_MAX_BYTES,
  pdfProblem,
  readDocumentResponse,
} from "./document-upload";

const text = (s: string) => new TextEncoder().encode(s);

describe("PDF pre-check", () => {
  it("recognizes a PDF by its first bytes, whatever its name", () => {
    expect(looksLikePdf(text("%PDF-1.7\n"))).toBe(true);
    expect(looksLikePdf(text("%PD"))).toBe(false);
    expect(looksLikePdf(text("<html>"))).toBe(false);
    expect(pdfProblem({ size: 10, name: "notes.pdf" }, text("PK\u0003\u0004"))).toMatch(
      /“notes.pdf” is not a PDF/,
    );
  });

  it("refuses empty files and files over 50 MiB", () => {
    expect(pdfProblem({ size: 0, name: "a.pdf" }, text("%PDF-"))).toMatch(/empty/);
    expect(pdfProblem({ size: PDF_MAX_BYTES + 1, name: "a.pdf" }, text("%PDF-"))).toMatch(
      /limit is 50 MiB/,
    );
    expect(pdfProblem({ size: PDF_MAX_BYTES, name: "a.pdf" }, text("%PDF-"))).toBeNull();
  });
});

describe("PDF upload answer", () => {
  it("reads the stored document", () => {
    expect(readDocumentResponse(200, '{"filename":"notes.pdf","byteSize":1234,"pages":2}')).toEqual(
      {
        ok: true,
        document: { filename: "notes.pdf", byteSize: 1234 },
      },
    );
  });

  it("shows the server's reason for a refused file", () => {
    const body =
      '{"error":{"code":"UNSUPPORTED_MEDIA_TYPE","message":"That file is a ZIP archive, not a PDF."}}';
    expect(readDocumentResponse(415, body)).toEqual({
      ok: false,
      message: "That file is a ZIP archive, not a PDF.",
    });
  });

  it("explains failures without a usable answer in its own words", () => {
    expect(readDocumentResponse(413, "")).toEqual({
      ok: false,
      message: documentErrorMessage(413),
    });
    expect(documentErrorMessage(413)).toMatch(/50 MiB/);
    expect(readDocumentResponse(502, "<html>").ok).toBe(false);
    expect(readDocumentResponse(200, "{}").ok).toBe(false);
    expect(readDocumentResponse(401, '{"error":{"message":"Sign in to continue."}}')).toEqual({
      ok: false,
      message: documentErrorMessage(401),
    });
  });
});

describe("PDF preview link", () => {
  it("changes with the document, so a replaced PDF is not shown from the browser's cache", () => {
    const a = documentPreviewUrl("l1", { filename: "notes v2.pdf", byteSize: 100 });
    expect(a).toBe("/api/lessons/l1/document?v=100-notes%20v2.pdf");
    expect(documentPreviewUrl("l1", { filename: "notes v2.pdf", byteSize: 101 })).not.toBe(a);
  });
});
