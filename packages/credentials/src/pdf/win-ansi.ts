import type { PDFFont } from "pdf-lib";

/**
 * The standard PDF fonts only encode WinAnsi (Latin-1 plus a few typographic signs). Names outside
 * it must not crash rendering: accents WinAnsi lacks are dropped ("ő" → "o"), a few letters with
 * no decomposition are spelled out, and anything else becomes "?". The exact Unicode name stays in
 * the PDF metadata and, authoritatively, in the signed credential the QR code leads to.
 */
const SPELLED_OUT: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŧ: "T",
  ŧ: "t",
  ĸ: "k",
  Ŀ: "L",
  ŀ: "l",
  ʼ: "'",
};
const COMBINING_MARKS = /\p{M}/gu;
const CONTROL_OR_BREAK = /[\p{Cc}\p{Zl}\p{Zp}]/gu;

export function makeEncodable(text: string, font: PDFFont): string {
  const supported = charsetOf(font);
  let out = "";
  for (const char of text.normalize("NFC").replace(CONTROL_OR_BREAK, " ")) {
    out += encodableChar(char, supported);
  }
  return out.replace(/ {2,}/g, " ").trim();
}

function encodableChar(char: string, supported: ReadonlySet<number>): string {
  const code = char.codePointAt(0) ?? 0;
  if (supported.has(code)) return char;
  const spelled = SPELLED_OUT[char];
  if (spelled !== undefined) return spelled;
  const base = char.normalize("NFKD").replace(COMBINING_MARKS, "");
  if (base !== "" && [...base].every((c) => supported.has(c.codePointAt(0) ?? 0))) return base;
  return "?";
}

const charsets = new WeakMap<PDFFont, ReadonlySet<number>>();

function charsetOf(font: PDFFont): ReadonlySet<number> {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  return set;
}
