/**
 * Search highlights arrive as HTML-escaped text in which the matches are wrapped in
 * `<mark>…</mark>`. They are split into plain segments here and rendered as React text
 * nodes, so nothing in them is ever interpreted as HTML: a stray tag stays visible text.
 */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};

/** Decodes the entities an HTML escaper produces; anything unknown is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const TAG = /<(\/?)mark>/gi;

export function parseHighlight(html: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let marked = false;
  let last = 0;
  const push = (raw: string) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const previous = segments.at(-1);
    if (previous && previous.marked === marked) previous.text += text;
    else segments.push({ text, marked });
  };
  for (const match of html.matchAll(TAG)) {
    push(html.slice(last, match.index));
    // Unbalanced tags are tolerated: a closing tag outside a mark is simply dropped.
    marked = match[1] !== "/";
    last = match.index + match[0].length;
  }
  push(html.slice(last));
  return segments;
}

/** The plain text of a highlight, e.g. for a title attribute or a comparison. */
export function highlightText(html: string): string {
  return parseHighlight(html)
    .map((s) => s.text)
    .join("");
}
