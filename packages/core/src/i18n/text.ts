import type { Reader } from "./reader";
import { type MessageValues, translator } from "./translate";

/** A value inside a message, formatted for each reader (a percent as 0–100, a moment in time). */
export type TextValue = string | number | { percent: number } | { dateTime: Date };

/**
 * Text written for someone whose language is known only later (a notification's title is
 * rendered per recipient): a catalog message and its values, or words kept as a person wrote
 * them (a post's excerpt, a moderator's reason), which are never translated.
 */
export type LocalizedText =
  | { message: string; values?: Record<string, TextValue> }
  | { verbatim: string };

export const message = (id: string, values?: Record<string, TextValue>): LocalizedText => ({
  message: id,
  values,
});

export const verbatim = (text: string): LocalizedText => ({ verbatim: text });

export function renderText(text: LocalizedText, reader: Reader): string {
  if ("verbatim" in text) return text.verbatim;
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(text.values ?? {})) {
    values[name] = formatValue(value, reader);
  }
  return translator(reader.locale)(text.message, values);
}

function formatValue(value: TextValue, reader: Reader): string | number {
  if (typeof value !== "object") return value;
  if ("percent" in value) {
    return new Intl.NumberFormat(reader.formatLocale, {
      style: "percent",
      maximumFractionDigits: 0,
    }).format(value.percent / 100);
  }
  return new Intl.DateTimeFormat(reader.formatLocale, {
    timeZone: reader.timeZone,
    dateStyle: "long",
    timeStyle: "short",
  }).format(value.dateTime);
}
