import { formatDate } from "../../lib/format";
import { intlLocale } from "../../lib/i18n";
import { formatRelative } from "../../lib/relative-time";
import s from "./settings.module.css";

// One formatter per language, built on first use: the language is known only at render.
const exactFormats = new Map<string, Intl.DateTimeFormat>();

/** The full date and time in the active language, shown on hover next to a short one. */
function formatExact(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const locale = intlLocale();
  let format = exactFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "long" });
    exactFormats.set(locale, format);
  }
  return format.format(date);
}

/** A date, or with `relative` "5 minutes ago", with the exact time on hover. */
export function When({ iso, relative = false }: { iso: string; relative?: boolean }) {
  return (
    <time className={s.when} dateTime={iso} title={formatExact(iso)}>
      {relative ? formatRelative(iso) : formatDate(iso)}
    </time>
  );
}
