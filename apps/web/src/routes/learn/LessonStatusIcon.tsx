import { cx } from "../../components/ui/cx";
import { formatPercent, type LessonStatus, statusLabel } from "../../lib/learn-outline";
import s from "./LessonStatusIcon.module.css";

const TONE: Record<LessonStatus["type"], string | undefined> = {
  done: s.done,
  "in-progress": s.inProgress,
  submitted: s.inProgress,
  "not-started": s.notStarted,
  locked: s.locked,
  quiz: undefined,
};

/** The state of a lesson as a small icon, with the same words for screen readers. */
export function LessonStatusIcon({ status }: { status: LessonStatus }) {
  const label = statusLabel(status);
  return (
    <span className={cx(s.status, TONE[status.type])} title={label}>
      <Glyph status={status} />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function Glyph({ status }: { status: LessonStatus }) {
  switch (status.type) {
    case "done":
      return (
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="9" />
          <path d="m6 10.5 2.6 2.6L14.2 7" fill="none" />
        </svg>
      );
    case "in-progress":
    case "submitted":
      return (
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="8" fill="none" />
          <path d="M10 2a8 8 0 0 1 0 16z" />
        </svg>
      );
    case "locked":
      return (
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
          <path d="M7 9V6.5a3 3 0 0 1 6 0V9" fill="none" />
        </svg>
      );
    case "quiz":
      return (
        <span className={s.score} aria-hidden="true">
          {formatPercent(status.bestPercent).replace(" ", "")}
        </span>
      );
    case "not-started":
      return (
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="10" cy="10" r="8" fill="none" />
        </svg>
      );
  }
}
