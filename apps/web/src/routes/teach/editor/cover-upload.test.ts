import { describe, expect, it } from "vitest";
import "../../../lib/i18n/testing";
import {
  COVER_MAX_BYTES,
  coverProblem,
  readUploadResponse,
  sniffImageType,
  uploadErrorMessage,
} from "./cover-upload";

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );
const PNG = bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, "IHDR");
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const WEBP = bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 ");

describe("cover pre-check", () => {
  it("recognizes PNG, JPEG and WebP by their bytes", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(WEBP)).toBe("image/webp");
  });

  it("refuses other content whatever its name says", () => {
    expect(sniffImageType(bytes("<svg xmlns="))).toBeNull();
    expect(sniffImageType(bytes("GIF89a"))).toBeNull();
    expect(sniffImageType(bytes("%PDF-1.7"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(coverProblem({ size: 10 }, bytes("<svg"))).toMatch(/PNG, JPEG or WebP/);
  });

  it("refuses empty and oversized files", () => {
    expect(coverProblem({ size: 0 }, PNG)).toMatch(/empty/);
    expect(coverProblem({ size: COVER_MAX_BYTES + 1 }, PNG)).toMatch(/at most 2 MB/);
    expect(coverProblem({ size: COVER_MAX_BYTES }, PNG)).toBeNull();
  });

  it("explains server refusals", () => {
    expect(uploadErrorMessage(413)).toMatch(/2 MB/);
    expect(uploadErrorMessage(415)).toMatch(/PNG/);
    expect(uploadErrorMessage(0)).toMatch(/connection/);
  });

  it("reads the upload's answer", () => {
    expect(
      readUploadResponse(
        200,
        '{"coverImageUrl":"/media/abc","updatedAt":"2026-01-01T00:00:00.000Z"}',
      ),
    ).toEqual({ ok: true, coverImageUrl: "/media/abc", updatedAt: "2026-01-01T00:00:00.000Z" });
    expect(readUploadResponse(400, '{"error":{"message":"That is a GIF."}}')).toEqual({
      ok: false,
      message: "That is a GIF.",
    });
    expect(readUploadResponse(502, "<html>")).toEqual({
      ok: false,
      message: "The upload failed. Please try again.",
    });
    expect(readUploadResponse(200, "{}").ok).toBe(false);
  });
});
