/**
 * A small, safe Markdown subset for course descriptions and text lessons: paragraphs,
 * headings, emphasis, inline code, fenced code, lists, quotes, rules and http(s) links.
 * It produces a tree that `Markdown.tsx` turns into React elements — there is no HTML
 * string anywhere, so raw HTML in the source is shown as text, never interpreted.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "code"; text: string }
  | { type: "quote"; children: Inline[] }
  | { type: "rule" };

/** Longer sources are cut: nothing a description or text lesson needs is this long. */
export const MARKDOWN_MAX_LENGTH = 100_000;

/** Only absolute http(s) URLs become links; `javascript:`, `data:` and relative ones do not. */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.slice(0, MARKDOWN_MAX_LENGTH).replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === "";
  const startsBlock = (line: string) =>
    HEADING.test(line) ||
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
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]?.length ?? 1);
      blocks.push({ type: "heading", level, children: parseInline(heading[2] ?? "") });
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

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!>~|]/;
const MAX_DEPTH = 8;

export function parseInline(text: string, depth = 0, inLink = false): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push({ type: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const next = text[i + 1] ?? "";
    if (ch === "\\" && ESCAPABLE.test(next)) {
      plain += next;
      i += 2;
      continue;
    }
    if (ch === "`") {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? "`";
      const end = text.indexOf(run, i + run.length);
      if (end > i) {
        flush();
        out.push({ type: "code", text: text.slice(i + run.length, end).trim() || " " });
        i = end + run.length;
        continue;
      }
    }
    if ((ch === "*" || ch === "_") && depth < MAX_DEPTH) {
      const emphasis = readEmphasis(text, i, depth, inLink);
      if (emphasis) {
        flush();
        out.push(emphasis.node);
        i = emphasis.end;
        continue;
      }
    }
    if (ch === "[" && !inLink && depth < MAX_DEPTH) {
      const link = readLink(text, i, depth);
      if (link) {
        flush();
        out.push(...link.nodes);
        i = link.end;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

function readEmphasis(text: string, start: number, depth: number, inLink: boolean) {
  const ch = text[start] ?? "*";
  const strong = text[start + 1] === ch;
  const delimiter = strong ? ch + ch : ch;
  const open = start + delimiter.length;
  // `snake_case_words` are not emphasis; neither is a delimiter followed by a space.
  if (ch === "_" && /\w/.test(text[start - 1] ?? "")) return null;
  if (/\s/.test(text[open] ?? " ")) return null;
  let close = text.indexOf(delimiter, open + 1);
  while (!strong && close !== -1 && text[close + 1] === ch)
    close = text.indexOf(delimiter, close + 2);
  if (close === -1 || /\s/.test(text[close - 1] ?? " ")) return null;
  if (ch === "_" && /\w/.test(text[close + delimiter.length] ?? "")) return null;
  const children = parseInline(text.slice(open, close), depth + 1, inLink);
  const node: Inline = strong ? { type: "strong", children } : { type: "em", children };
  return { node, end: close + delimiter.length };
}

function readLink(text: string, start: number, depth: number) {
  let level = 0;
  let labelEnd = -1;
  for (let j = start; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === "[") level++;
    else if (text[j] === "]" && --level === 0) {
      labelEnd = j;
      break;
    }
  }
  if (labelEnd === -1 || text[labelEnd + 1] !== "(") return null;
  const urlEnd = closingParen(text, labelEnd + 2);
  if (urlEnd === -1) return null;
  const children = parseInline(text.slice(start + 1, labelEnd), depth + 1, true);
  const href = safeHref(text.slice(labelEnd + 2, urlEnd));
  // An unsafe target keeps its label as plain content: the reader loses nothing but the link.
  const nodes: Inline[] = href ? [{ type: "link", href, children }] : children;
  return { nodes, end: urlEnd + 1 };
}

/** The `)` that closes a link target, allowing balanced parentheses inside the URL. */
function closingParen(text: string, from: number): number {
  let open = 0;
  for (let j = from; j < text.length; j++) {
    if (text[j] === "(") open++;
    else if (text[j] === ")" && open-- === 0) return j;
  }
  return -1;
}
