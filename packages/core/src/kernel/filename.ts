/**
 * A file name as people see it and download it under: its last path segment, NFC, without
 * control, format, quote or reserved characters (it goes into a Content-Disposition header),
 * whitespace collapsed, no leading dots. "" when nothing is left; callers add their own
 * fallback, extension and length bound.
 */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? "").split(/[/\\]/).pop() ?? "";
  return base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}"*<>?|:]/gu, "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^\.+/, "");
}

/** The first `max` code points of `text` (an emoji is never cut in half), trimmed. */
export function cutToCodePoints(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("").trim();
}
