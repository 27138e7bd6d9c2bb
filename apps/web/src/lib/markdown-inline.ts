/**
 * Inline Markdown: escapes, code, emphasis, links and images. Every closer is found through
 * `InlineScan`'s one-pass tables, never by scanning ahead, so a line costs time linear in its
 * length whatever it holds; nested spans recurse on their own text, at most `MAX_DEPTH` deep.
 */
import { InlineScan } from "./markdown-scan";

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  /** `src` as written: the renderer shows it only from the page's own origin. */
  | { type: "image"; src: string; alt: string };

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

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!>~|]/;
/** Where something other than plain text may start; everything between is copied as is. */
const SPECIAL = /[\\`*_[!]/g;
const MAX_DEPTH = 8;

/**
 * Formatted spans (emphasis, code, links, images) one document may hold: one every ten
 * characters of the longest body, far above any real text. It bounds the elements a hostile
 * body (`*[*[*[…` makes 25,000) can make every reader's browser build; past it, the rest of
 * the text shows unformatted.
 */
export const MAX_SPANS = 10_000;

/** What is left of `MAX_SPANS`, shared by every inline text of one document. */
export interface SpanBudget {
  left: number;
}

export function parseInline(
  text: string,
  depth = 0,
  inLink = false,
  budget: SpanBudget = { left: MAX_SPANS },
): Inline[] {
  // One character holds no markup; emphasis around single characters is hostile input's
  // favourite shape (`*[*[*[…`), so this is worth skipping the tables for.
  if (text.length < 2) return text ? [{ type: "text", text }] : [];
  const scan = new InlineScan(text);
  const out: Inline[] = [];
  const found: Inline[] = []; // what a reader recognised at `i`, moved into `out` on success
  let plain = "";
  let from = 0; // text[from, i) is plain text not yet added to `plain`
  let i = nextSpecial(text, 0);
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1] ?? "";
    if (ch === "\\" && ESCAPABLE.test(next)) {
      plain += text.slice(from, i) + next;
      from = i + 2;
      i = nextSpecial(text, from);
      continue;
    }
    let end = -1;
    if (budget.left <= 0) {
      // Out of spans: the rest is text (escapes still apply).
    } else if (ch === "`") end = readCode(text, scan, i, found);
    else if ((ch === "*" || ch === "_") && depth < MAX_DEPTH) {
      end = readEmphasis(text, scan, i, { depth: depth + 1, inLink, budget }, found);
    } else if ((ch === "[" || (ch === "!" && next === "[")) && !inLink && depth < MAX_DEPTH) {
      end = readLink(text, scan, i, { depth: depth + 1, inLink: true, budget }, found);
    }
    if (end === -1) {
      i = nextSpecial(text, i + 1);
      continue;
    }
    plain += text.slice(from, i);
    if (plain) out.push({ type: "text", text: plain });
    // Not `out.push(...found)`: an unsafe link's label may hold tens of thousands of nodes.
    for (const node of found) out.push(node);
    budget.left--;
    found.length = 0;
    plain = "";
    from = end;
    i = nextSpecial(text, end);
  }
  plain += text.slice(from);
  if (plain) out.push({ type: "text", text: plain });
  return out;
}

function nextSpecial(text: string, from: number): number {
  SPECIAL.lastIndex = from;
  // test(), not exec(): no match array per call. Every special is one character long.
  return SPECIAL.test(text) ? SPECIAL.lastIndex - 1 : text.length;
}

/** `` `code` ``: a run of backticks closed by the next run at least as long. */
function readCode(text: string, scan: InlineScan, start: number, found: Inline[]): number {
  const run = scan.backtickRun(start);
  const close = scan.backticks(run, start + run);
  if (close === -1) return -1;
  found.push({ type: "code", text: text.slice(start + run, close).trim() || " " });
  return close + run;
}

/** How the text inside a span is parsed. */
interface Inside {
  depth: number;
  inLink: boolean;
  budget: SpanBudget;
}

function readEmphasis(
  text: string,
  scan: InlineScan,
  start: number,
  inside: Inside,
  found: Inline[],
): number {
  const ch = text[start] ?? "*";
  const strong = text[start + 1] === ch;
  const length = strong ? 2 : 1;
  const open = start + length;
  // `snake_case_words` are not emphasis; neither is a delimiter followed by a space.
  if (ch === "_" && /\w/.test(text[start - 1] ?? "")) return -1;
  if (/\s/.test(text[open] ?? " ")) return -1;
  const close = strong ? scan.doubleCloser(ch, open + 1) : scan.singleCloser(ch, open + 1);
  if (close === -1 || /\s/.test(text[close - 1] ?? " ")) return -1;
  if (ch === "_" && /\w/.test(text[close + length] ?? "")) return -1;
  const { depth, inLink, budget } = inside;
  const children = parseInline(text.slice(open, close), depth, inLink, budget);
  found.push(strong ? { type: "strong", children } : { type: "em", children });
  return close + length;
}

/**
 * `[label](target)`, or `![alt](src)` with `!` at `at`: balanced brackets in the label,
 * balanced parentheses in the target. An unsafe link target leaves its label as plain content:
 * the reader loses nothing but the link.
 */
function readLink(text: string, scan: InlineScan, at: number, inside: Inside, found: Inline[]) {
  const image = text[at] === "!";
  const start = image ? at + 1 : at;
  const labelEnd = scan.closingBracket(start);
  if (labelEnd === -1 || text[labelEnd + 1] !== "(") return -1;
  const targetEnd = scan.closingParen(labelEnd + 1);
  if (targetEnd === -1) return -1;
  const { depth, inLink, budget } = inside;
  const children = parseInline(text.slice(start + 1, labelEnd), depth, inLink, budget);
  const target = text.slice(labelEnd + 2, targetEnd);
  const href = image ? null : safeHref(target);
  if (image) found.push({ type: "image", src: target.trim(), alt: plainText(children) });
  else if (href) found.push({ type: "link", href, children });
  else for (const child of children) found.push(child);
  return targetEnd + 1;
}

/** The text of inline nodes, without their formatting (an image's alt text). */
export function plainText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "code") return node.text;
      if (node.type === "image") return node.alt;
      return plainText(node.children);
    })
    .join("");
}
