/**
 * Markdown for everything authors write (course descriptions, lessons, prompts, forum posts):
 * markdown-it (CommonMark + GFM tables and strikethrough, linkified URLs), read into tokens
 * that `components/markdown/render.tsx` turns into React elements from an allowlist — there
 * is no HTML string anywhere, raw HTML is text, and an unknown token renders as its text.
 *
 * Linear time on any input (ADR 0021): markdown-it is linear, and `maxNesting` 20 (not 100)
 * bounds how deep its silent look-aheads recurse, which is most of its cost on hostile
 * bracket runs (`[`×100k: 170 → 55 ms). Deeper nesting renders as text.
 */
import MarkdownIt, { type Token } from "markdown-it";
import { mentionPlugin } from "./mention";

export type { Token };

/** Longer sources are cut: nothing a description, lesson or post needs is this long. */
export const MARKDOWN_MAX_LENGTH = 100_000;

const md = new MarkdownIt("default", {
  html: false,
  linkify: true,
  typographer: false,
  maxNesting: 20,
});
// Only URLs written with their scheme become links ("example.com" stays text).
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
md.use(mentionPlugin);
// A link or image whose target is refused stays literal text: the reader sees what was written.
md.validateLink = (url) => safeUrl(url) !== null;

export function parseMarkdown(source: string): Token[] {
  return md.parse(source.slice(0, MARKDOWN_MAX_LENGTH), {});
}

const SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * Link and image targets we keep: http(s), mailto and relative URLs (a path, query or
 * fragment on our site). Every other scheme — javascript:, vbscript:, data:, file:, user:
 * outside a mention — is refused, whatever its case or the control characters around it.
 */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed || [...trimmed].some(isControl)) return null;
  // A scheme is letters then ":" before any "/", "?" or "#"; none means a relative URL.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  if (scheme === undefined) return trimmed.startsWith("\\") ? null : trimmed;
  return SCHEMES.has(`${scheme.toLowerCase()}:`) ? trimmed : null;
}

const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};
