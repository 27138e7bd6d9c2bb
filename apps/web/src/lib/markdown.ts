/**
 * A small, safe Markdown subset for course descriptions and text lessons: paragraphs,
 * headings, emphasis, inline code, fenced code, lists, quotes, rules, http(s) links and images.
 * It produces a tree that `Markdown.tsx` turns into React elements — there is no HTML
 * string anywhere, so raw HTML in the source is shown as text, never interpreted.
 *
 * Linear time on any input (a body is read by every visitor of a free preview): lines are
 * read once, and inline text is parsed by `markdown-inline.ts` with closers looked up in tables
 * built in one pass (`markdown-scan.ts`).
 * Why not a library: measured on 100k-character hostile bodies, micromark (react-markdown)
 * took minutes on `*[`×50k, commonmark.js about a minute on `[a](`×25k, marked overflowed the
 * stack on nested emphasis, and markdown-it, though linear, spent 140–190 ms of CPU parsing
 * `*[`×50k on our 2-core machine — over the 100 ms budget before rendering anything.
 */
import { type Inline, MAX_SPANS, parseInline as parseSpans } from "./markdown-inline";

export { type Inline, MAX_SPANS, parseInline, plainText, safeHref } from "./markdown-inline";

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "code"; text: string }
  | { type: "quote"; children: Inline[] }
  | { type: "rule" };

/** Longer sources are cut: nothing a description or text lesson needs is this long. */
export const MARKDOWN_MAX_LENGTH = 100_000;

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.slice(0, MARKDOWN_MAX_LENGTH).replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  const budget = { left: MAX_SPANS };
  const parseInline = (text: string) => parseSpans(text, 0, false, budget);
  let i = 0;
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === "";
  const startsBlock = (line: string) =>
    readHeading(line) !== null ||
    FENCE.test(line) ||
    QUOTE.test(line) ||
    RULE.test(line) ||
    BULLET.test(line) ||
    ORDERED.test(line);

  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line)?.[1];
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").trim().startsWith(fence))
        body.push(lines[i++] ?? "");
      i++; // the closing fence, or past the end when it is missing
      blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const heading = readHeading(line);
    if (heading) {
      blocks.push({ type: "heading", level: heading.level, children: parseInline(heading.text) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const text: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? ""))
        text.push(QUOTE.exec(lines[i++] ?? "")?.[1] ?? "");
      blocks.push({ type: "quote", children: parseInline(text.join(" ").trim()) });
      continue;
    }
    const ordered = ORDERED.test(line);
    if (ordered || BULLET.test(line)) {
      const marker = ordered ? ORDERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? "";
        const item = marker.exec(current);
        if (item) items.push(item[1] ?? "");
        else if (!isBlank(current) && /^\s+/.test(current) && items.length > 0) {
          items[items.length - 1] += ` ${current.trim()}`; // an indented continuation line
        } else break;
        i++;
      }
      blocks.push({ type: "list", ordered, items: items.map((t) => parseInline(t.trim())) });
      continue;
    }
    const text: string[] = [];
    while (
      i < lines.length &&
      !isBlank(lines[i]) &&
      (text.length === 0 || !startsBlock(lines[i] ?? ""))
    ) {
      text.push((lines[i++] ?? "").trim());
    }
    blocks.push({ type: "paragraph", children: parseInline(text.join(" ")) });
  }
  return blocks;
}

/**
 * `# Title`, `## Title ##`: one to six `#` and a space. Read by hand: the regular expression
 * it replaces backtracked quadratically on a heading padded with spaces or `#`.
 */
function readHeading(line: string): { level: number; text: string } | null {
  let level = 0;
  while (level <= 6 && line[level] === "#") level++;
  if (level === 0 || level > 6 || !/\s/.test(line[level] ?? "")) return null;
  let text = line.slice(level).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  // A closing run of `#` counts only after a space: "Learn C#" keeps its `#`.
  if (end === 0 || /\s/.test(text[end - 1] ?? "")) text = text.slice(0, end).trimEnd();
  return { level, text };
}
