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
        <caption className="visually-hidden">Submissions and where each stands</caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">State</th>
            <th scope="col">Submitted</th>
            <th scope="col">Review deadline</th>
            <th scope="col">Reviews</th>
            <th scope="col">Live leases</th>
            <th scope="col">Grade</th>
            <th scope="col">Graded by</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backlog.submissions.map((submission) => (
            <tr key={submission.id} aria-current={submission.id === openId ? "true" : undefined}>
              <th scope="row">{submission.learnerName}</th>
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
                  Open submission
                  <span className="visually-hidden"> by {submission.learnerName}</span>
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
        <caption className="visually-hidden">Reviews given per learner</caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Reviews given</th>
          </tr>
        </thead>
        <tbody>
          {backlog.reviewers.map((reviewer, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row per submission, in the backlog's order; names may repeat
            <tr key={index}>
              <th scope="row">{reviewer.learnerName}</th>
              <td className={s.numeric}>
                {reviewer.given} / {backlog.reviewsToGive}
                {reviewer.given >= backlog.reviewsToGive && (
                  <span className={s.done}>
                    {" "}
                    <Badge tone="success">Done</Badge>
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
