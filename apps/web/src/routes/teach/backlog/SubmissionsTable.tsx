import { Trans } from "@lingui/react/macro";
import { Badge } from "../../../components/ui/Badge";
import { linkButtonClass } from "../../../components/ui/Button";
import s from "./backlog.module.css";
import {
  type AssignmentBacklog,
  formatWhen,
  gradedByLabel,
  percentText,
  stateLabel,
  stateTone,
} from "./backlog-view";

/** One row per submission: who, where it stands, its reviews and leases, its grade. */
export function SubmissionsTable({
  backlog,
  openId,
  onOpen,
}: {
  backlog: AssignmentBacklog;
  openId: string | null;
  onOpen: (submissionId: string) => void;
}) {
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className="visually-hidden">
          <Trans>Submissions and where each stands</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Learner</Trans>
            </th>
            <th scope="col">
              <Trans>State</Trans>
            </th>
            <th scope="col">
              <Trans>Submitted</Trans>
            </th>
            <th scope="col">
              <Trans>Review deadline</Trans>
            </th>
            <th scope="col">
              <Trans>Reviews</Trans>
            </th>
            <th scope="col">
              <Trans>Live leases</Trans>
            </th>
            <th scope="col">
              <Trans>Grade</Trans>
            </th>
            <th scope="col">
              <Trans>Graded by</Trans>
            </th>
            <th scope="col">
              <span className="visually-hidden">
                <Trans>Actions</Trans>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backlog.submissions.map((submission) => (
            <tr key={submission.id} aria-current={submission.id === openId ? "true" : undefined}>
              <th scope="row" translate="no">
                {submission.learnerName}
              </th>
              <td>
                <Badge tone={stateTone(submission.state)}>{stateLabel(submission.state)}</Badge>
              </td>
              <td>{formatWhen(submission.submittedAt)}</td>
              <td>{formatWhen(submission.reviewDeadline)}</td>
              <td className={s.numeric}>
                {submission.reviewsDone} / {backlog.reviewsNeeded}
              </td>
              <td className={s.numeric}>{submission.leasesLive}</td>
              <td className={s.numeric}>{percentText(submission.gradePercent)}</td>
              <td>{gradedByLabel(submission.gradedBy)}</td>
              <td>
                <button
                  type="button"
                  className={linkButtonClass}
                  onClick={() => onOpen(submission.id)}
                >
                  <Trans>
                    Open submission
                    <span className="visually-hidden">
                      {" "}
                      by <span translate="no">{submission.learnerName}</span>
                    </span>
                  </Trans>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Reviews each learner who submitted has given, against what the assignment asks. */
export function ReviewersTable({ backlog }: { backlog: AssignmentBacklog }) {
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className="visually-hidden">
          <Trans>Reviews given per learner</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Learner</Trans>
            </th>
            <th scope="col">
              <Trans>Reviews given</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {backlog.reviewers.map((reviewer, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row per submission, in the backlog's order; names may repeat
            <tr key={index}>
              <th scope="row" translate="no">
                {reviewer.learnerName}
              </th>
              <td className={s.numeric}>
                {reviewer.given} / {backlog.reviewsToGive}
                {reviewer.given >= backlog.reviewsToGive && (
                  <span className={s.done}>
                    {" "}
                    <Badge tone="success">
                      <Trans>Done</Trans>
                    </Badge>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
