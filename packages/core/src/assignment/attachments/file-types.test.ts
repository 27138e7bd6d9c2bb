import { describe, expect, it } from "vitest";
import { type AttachmentType, attachmentFilename, bytesMatchType } from "./file-types";

const ascii = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

describe("bytesMatchType", () => {
  const samples: Record<AttachmentType, Uint8Array> = {
    "application/pdf": ascii("%PDF-1.7\n"),
    "image/png": bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
    "image/jpeg": bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16),
    "image/webp": ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "),
    "image/gif": ascii("GIF89a\u0001\u0000"),
    "text/plain": ascii("Hello,\tworld\r\n"),
    "text/markdown": ascii("# Café ☕\n\n- one\n"),
    "application/zip": ascii("PK\u0003\u0004\u0014\u0000"),
  };

  it("accepts each allowed type's own bytes and refuses every other type's", () => {
    for (const [declared, _] of Object.entries(samples)) {
      for (const [actual, sample] of Object.entries(samples)) {
        const textual = (t: string) => t.startsWith("text/");
        // Text is text whichever of the two text types is declared.
        const same = declared === actual || (textual(declared) && textual(actual));
        expect({
          declared,
          actual,
          ok: bytesMatchType(declared as AttachmentType, sample, true),
        }).toEqual({ declared, actual, ok: same });
      }
    }
  });

  it("refuses text with NUL or other control characters, or that is not UTF-8", () => {
    expect(bytesMatchType("text/plain", ascii("a\u0000b"), true)).toBe(false);
    expect(bytesMatchType("text/plain", ascii("\u001b[31mred"), true)).toBe(false);
    expect(bytesMatchType("text/markdown", bytes(0x68, 0xff, 0x69), true)).toBe(false);
  });

  it("does not hold a character cut at the end of the sample against a longer text file", () => {
    const euro = ascii("price: €"); // € is three bytes; the sample ends inside it
    const cut = euro.slice(0, euro.length - 1);
    expect(bytesMatchType("text/plain", cut, false)).toBe(true);
    expect(bytesMatchType("text/plain", cut, true)).toBe(false);
  });
});

describe("attachmentFilename", () => {
  it("keeps a name whose extension fits the type, in its own case", () => {
    expect(attachmentFilename("Holiday Photo.JPG", "image/jpeg")).toBe("Holiday Photo.JPG");
    expect(attachmentFilename("notes.markdown", "text/markdown")).toBe("notes.markdown");
  });

  it("adds the type's extension when the name's says something else, so it never opens as that", () => {
    expect(attachmentFilename("page.html", "text/plain")).toBe("page.html.txt");
    expect(attachmentFilename("report", "application/pdf")).toBe("report.pdf");
    expect(attachmentFilename("archive.zip.exe", "application/zip")).toBe("archive.zip.exe.zip");
  });

  it("drops directories, control and header-breaking characters, and leading dots", () => {
    expect(attachmentFilename('C:\\Users\\me\\"evil"\r\n;name.pdf', "application/pdf")).toBe(
      "evil;name.pdf",
    );
    expect(attachmentFilename("../../.hidden.png", "image/png")).toBe("hidden.png");
    expect(attachmentFilename("...", "image/gif")).toBe("attachment.gif");
  });

  it("bounds the name, never cutting a character in half", () => {
    const name = attachmentFilename(`${"😀".repeat(300)}.png`, "image/png");
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith("😀.png")).toBe(true);
  });
});
