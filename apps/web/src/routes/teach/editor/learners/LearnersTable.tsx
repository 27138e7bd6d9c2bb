import { ProgressBar } from "../../../../components/ProgressBar";
import { Badge } from "../../../../components/ui/Badge";
import { linkButtonClass } from "../../../../components/ui/Button";
import { formatDate } from "../../../../lib/format";
import s from "./learners.module.css";
import { type CourseLearner, certificateState } from "./learners-view";

/** One row per learner: progress, lessons and quizzes, last activity, certificate. */
export function LearnersTable({
  learners,
  requiredLessons,
  onRevoke,
}: {
  learners: readonly CourseLearner[];
  requiredLessons: number;
  onRevoke: (learner: CourseLearner) => void;
}) {
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className="visually-hidden">Learners and their progress</caption>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Progress</th>
            <th scope="col">Lessons done</th>
            <th scope="col">Quizzes passed</th>
            <th scope="col">Last activity</th>
            <th scope="col">Certificate</th>
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => (
            <tr key={learner.enrollmentId}>
              <th scope="row" className={s.learnerCell}>
                <span className={s.name}>{learner.name}</span>
                <span className={s.email}>{learner.email}</span>
              </th>
              <td>
                <span className={s.progress}>
                  <ProgressBar percent={learner.percent} label={`${learner.name}'s progress`} />
                  <span className={s.percent}>{learner.percent} %</span>
                </span>
              </td>
              <td className={s.numeric}>
                {learner.completedRequired} / {requiredLessons}
              </td>
              <td className={s.numeric}>{learner.quizzesPassed}</td>
              <td>{learner.lastActivityAt ? formatDate(learner.lastActivityAt) : "Not started"}</td>
              <td>
                <CertificateCell learner={learner} onRevoke={() => onRevoke(learner)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CertificateCell({ learner, onRevoke }: { learner: CourseLearner; onRevoke: () => void }) {
  const state = certificateState(learner.certificate);
  if (state === "none") return <span className="muted">Not yet</span>;
  if (state === "revoked") return <Badge tone="danger">Revoked</Badge>;
  return (
    <span className={s.certificateCell}>
      <Badge tone="success">Issued</Badge>
      <button type="button" className={linkButtonClass} onClick={onRevoke}>
        Revoke<span className="visually-hidden"> {learner.name}'s certificate</span>
      </button>
    </span>
  );
}
