import { Trans } from "@lingui/react/macro";
import { Badge } from "../../../components/ui/Badge";
import { formatPercent } from "../../../lib/learn-outline";
import s from "./exercise.module.css";
import {
  formatWhen,
  progressText,
  type SubmissionView,
  submissionName,
  verdictName,
  verdictTone,
} from "./exercise-view";

/** Earlier runs, newest first; picking one shows its results above. */
export function SubmissionHistory({
  submissions,
  selectedId,
  onSelect,
}: {
  submissions: SubmissionView[];
  selectedId: string | null;
  onSelect: (submissionId: string) => void;
}) {
  return (
    <section className={s.history} aria-labelledby="exercise-history-heading">
      <h2 id="exercise-history-heading" className={s.heading}>
        <Trans>Your submissions</Trans>
      </h2>
      {submissions.length === 0 ? (
        <p className="muted">
          <Trans>No submissions yet. Run the samples or submit to see results here.</Trans>
        </p>
      ) : (
        <ul className={s.historyList}>
          {submissions.map((submission) => {
            const selected = submission.submissionId === selectedId;
            return (
              <li key={submission.submissionId}>
                <button
                  type="button"
                  className={s.historyItem}
                  aria-pressed={selected}
                  onClick={() => {
                    onSelect(submission.submissionId);
                    requestAnimationFrame(() =>
                      document.getElementById("exercise-result-heading")?.focus(),
                    );
                  }}
                >
                  <span className={s.historyName}>{submissionName(submission)}</span>
                  {submission.verdict ? (
                    <Badge tone={verdictTone(submission.verdict)}>
                      {verdictName(submission.verdict)}
                    </Badge>
                  ) : (
                    <Badge>{progressText(submission)}</Badge>
                  )}
                  <span>
                    {submission.scorePercent === null ? "" : formatPercent(submission.scorePercent)}
                  </span>
                  <span className="muted">{formatWhen(submission.createdAt)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
