/**
 * What free text people type may contain, as plain functions (no zod): the `text()` schema
 * builders use them on every server boundary, and the web app calls them directly for
 * client-side hints without pulling zod into the bundle.
 *
 * - Control characters (Unicode Cc: C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) are refused —
 *   Postgres cannot store U+0000 at all, and the rest are invisible and break headers, logs
 *   and exports. Multi-line text keeps tab and line feed.
 * - Lone UTF-16 surrogates (a string that is not well-formed Unicode) are refused: they
 *   cannot be encoded as UTF-8, and drivers silently turn them into U+FFFD.
 * - Text is normalised to NFC (W3C's form for the web), so the same words typed on two
 *   keyboards compare, search and count the same; NFC leaves already-composed text — what
 *   nearly every keyboard produces — unchanged. Multi-line text gets `\n` line breaks
 *   (CRLF and lone CR become LF), so a pasted Windows text or WebVTT file is not refused.
 */

export interface TextShape {
  /** Tab and line breaks allowed (descriptions, lesson bodies, caption files). */
  multiline?: boolean;
  /** Leading and trailing whitespace removed. */
  trim?: boolean;
}

/** Lone surrogates only: with the `u` flag a well-formed pair is one code point, not Cs. */
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_TAB_AND_LF = /(?![\t\n])\p{Cc}/u;

/** The form text is stored in: NFC, `\n` line breaks when multi-line, trimmed if asked. */
export function cleanText(value: string, { multiline = false, trim = true }: TextShape = {}) {
  let out = value.normalize("NFC");
  if (multiline) out = out.replace(/\r\n?/g, "\n");
  return trim ? out.trim() : out;
}

/**
 * Why `value` (already cleaned) can't be stored, as a sentence that starts with `label`;
 * null when it is fine. Length limits are the schema's business, not this function's.
 */
export function textProblem(
  value: string,
  label: string,
  { multiline = false }: Pick<TextShape, "multiline"> = {},
): string | null {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return `${label} contains a broken character (${codePoint(surrogate[0])}). Retype that part.`;
  }
  const control = (multiline ? CONTROL_EXCEPT_TAB_AND_LF : CONTROL).exec(value)?.[0];
  if (control === undefined) return null;
  if (!multiline && (control === "\n" || control === "\r"))
    return `${label} must be a single line.`;
  return `${label} contains an invisible control character (${codePoint(control)}). Remove it.`;
}

function codePoint(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex}`;
}

/** textProblem of what the user typed, cleaned first as the server does: for form hints. */
export function inputTextProblem(value: string, label: string, shape: TextShape = {}) {
  return textProblem(cleanText(value, shape), label, shape);
}
