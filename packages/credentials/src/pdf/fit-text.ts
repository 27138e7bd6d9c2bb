export interface FittedText {
  lines: string[];
  size: number;
}

/** Width of a string at font size 1 (shaped, so ligatures and kerning count). */
export type Measure = (text: string) => Promise<number>;

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * Largest size from `max` down to `min` at which `text` wraps into at most `maxLines` lines of
 * `width`. Text too long even then is cut with "…" — the certificate is a one-page document, and
 * the full text is in the signed credential.
 */
export async function fitText(
  text: string,
  measure: Measure,
  opts: { max: number; min: number; width: number; maxLines: number },
): Promise<FittedText> {
  const clean = normalizeSpaces(text);
  for (let size = opts.max; size >= opts.min; size--) {
    const lines = await wrap(clean, measure, opts.width / size);
    if (lines.length <= opts.maxLines) return { lines, size };
  }
  const width = opts.width / opts.min;
  const lines = await wrap(clean, measure, width);
  const kept = lines.slice(0, opts.maxLines);
  const last = kept.length - 1;
  kept[last] = await ellipsize(
    `${kept[last]} ${lines.slice(opts.maxLines).join(" ")}`,
    measure,
    width,
  );
  return { lines: kept, size: opts.min };
}

/** Line breaks, tabs and runs of spaces become one space: a name or title is one paragraph. */
export function normalizeSpaces(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, " ")
    .trim();
}

/** `width` is in units of the font size (the line width divided by the size). */
async function wrap(text: string, measure: Measure, width: number): Promise<string[]> {
  const fits = async (s: string) => (await measure(s)) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (await fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    // A word wider than the line (a long URL-like title, or CJK, written without spaces) is
    // split between grapheme clusters, never inside one (a conjunct, a letter and its marks).
    while (!(await fits(line)) && [...graphemes.segment(line)].length > 1) {
      const clusters = [...graphemes.segment(line)].map((g) => g.segment);
      let cut = clusters.length - 1;
      while (cut > 1 && !(await fits(clusters.slice(0, cut).join("")))) cut--;
      lines.push(clusters.slice(0, cut).join(""));
      line = clusters.slice(cut).join("");
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

async function ellipsize(text: string, measure: Measure, width: number): Promise<string> {
  const clusters = [...graphemes.segment(text)].map((g) => g.segment);
  let end = clusters.length;
  const candidate = () => `${clusters.slice(0, end).join("").trimEnd()}…`;
  while (end > 0 && (await measure(candidate())) > width) end--;
  return candidate();
}
