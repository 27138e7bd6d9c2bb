/**
 * The mention being typed: an `@` at the start of the text or after a space or opening
 * bracket, then up to 40 characters of a name (letters, digits, spaces, apostrophes, dots,
 * hyphens) ending at the caret. Null when the caret is not in one.
 */
export function mentionAt(text: string, caret: number): { start: number; prefix: string } | null {
  const before = text.slice(Math.max(0, caret - 41), caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const start = caret - before.length + at;
  const prev = start > 0 ? text[start - 1] : " ";
  if (prev !== undefined && !/[\s([{>]/.test(prev)) return null;
  const prefix = before.slice(at + 1);
  if (prefix.startsWith(" ") || !/^[\p{L}\p{N} '.-]*$/u.test(prefix)) return null;
  // Two spaces in a row: the writer has moved on.
  if (prefix.includes("  ")) return null;
  return { start, prefix };
}

/** The text with the mention under the caret replaced by `markup` and a space; new caret. */
export function insertMention(
  text: string,
  mention: { start: number; prefix: string },
  markup: string,
): { text: string; caret: number } {
  const end = mention.start + 1 + mention.prefix.length;
  const inserted = `${markup} `;
  return {
    text: text.slice(0, mention.start) + inserted + text.slice(end),
    caret: mention.start + inserted.length,
  };
}

/** The option to highlight after an arrow key, wrapping around. */
export function moveActive(active: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return active < 0 ? 0 : (active + 1) % count;
  return active <= 0 ? count - 1 : active - 1;
}
