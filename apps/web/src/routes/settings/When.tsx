import { formatDate } from "../../lib/format";
import { formatRelative } from "../../lib/relative-time";
import s from "./settings.module.css";

const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "long" });

/** The full date and time, shown on hover next to a short one. */
export function formatExact(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : exact.format(date);
}

/** A date, or with `relative` "5 minutes ago", with the exact time on hover. */
export function When({ iso, relative = false }: { iso: string; relative?: boolean }) {
  return (
    <time className={s.when} dateTime={iso} title={formatExact(iso)}>
      {relative ? formatRelative(iso) : formatDate(iso)}
    </time>
  );
}
