import { escapeHtml } from "@lumen/shared";
import type { Highlights } from "./types";

/**
 * Engines mark matches with these private-use characters instead of `<mark>` so that the
 * text can be HTML-escaped afterwards without escaping the marks. Course text is stripped of
 * them before it is highlighted, so a mark can only come from the engine.
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
/**
 * Stand-ins for "<" and ">" while Postgres highlights: its parser reads "<HTML>" as a tag,
 * not a word, so the text is highlighted with these in their place and they are put back.
 */
export const ANGLE_OPEN = "\uE002";
export const ANGLE_CLOSE = "\uE003";

/**
 * Engine output with sentinel marks → escaped HTML whose only tags are `<mark>…</mark>`,
 * always balanced (an engine may cut a fragment between two marks). Returns undefined when
 * nothing was marked: the field did not match.
 */
export function toMarkedHtml(marked: string | null | undefined): string | undefined {
  if (!marked?.includes(MARK_START)) return undefined;
  let html = "";
  let open = false;
  for (const part of marked.split(/([\uE000\uE001])/u)) {
    if (part === MARK_START || part === MARK_END) {
      const opening = part === MARK_START;
      if (opening !== open) html += opening ? "<mark>" : "</mark>";
      open = opening;
    } else {
      html += escapeHtml(part.replaceAll(ANGLE_OPEN, "<").replaceAll(ANGLE_CLOSE, ">"));
    }
  }
  return open ? `${html}</mark>` : html;
}

export function highlightsOf(fields: {
  title?: string | null;
  subtitle?: string | null;
  description?: string | null;
}): Highlights {
  const highlights: Highlights = {};
  const title = toMarkedHtml(fields.title);
  const subtitle = toMarkedHtml(fields.subtitle);
  const description = toMarkedHtml(fields.description);
  if (title) highlights.title = title;
  if (subtitle) highlights.subtitle = subtitle;
  if (description) highlights.description = description;
  return highlights;
}
