import type { PDFFont } from "pdf-lib";

export interface FittedText {
  lines: string[];
  size: number;
}

/**
 * Largest size from `max` down to `min` at which `text` wraps into at most `maxLines` lines of
 * `width`. Text too long even then is cut with "…" — the certificate is a one-page document, and
 * the full text is in the signed credential. `text` must already be WinAnsi-encodable.
 */
export function fitText(
  text: string,
  font: PDFFont,
  opts: { max: number; min: number; width: number; maxLines: number },
): FittedText {
  for (let size = opts.max; size >= opts.min; size--) {
    const lines = wrap(text, font, size, opts.width);
    if (lines.length <= opts.maxLines) return { lines, size };
  }
  const lines = wrap(text, font, opts.min, opts.width);
  const kept = lines.slice(0, opts.maxLines);
  const last = kept.length - 1;
  kept[last] = ellipsize(
    `${kept[last]} ${lines.slice(opts.maxLines).join(" ")}`,
    font,
    opts.min,
    opts.width,
  );
  return { lines: kept, size: opts.min };
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    // A single word wider than the line (a long URL-like title) is split by characters.
    while (!fits(line)) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function ellipsize(text: string, font: PDFFont, size: number, width: number): string {
  let end = text.length;
  while (end > 0 && font.widthOfTextAtSize(`${text.slice(0, end).trimEnd()}…`, size) > width) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
