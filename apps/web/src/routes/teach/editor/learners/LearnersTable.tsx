import { Trans, useLingui } from "@lingui/react/macro";
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
  const { t } = useLingui();
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className="visually-hidden">
          <Trans>Learners and their progress</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Learner</Trans>
            </th>
            <th scope="col">
              <Trans>Progress</Trans>
            </th>
            <th scope="col">
              <Trans>Lessons done</Trans>
            </th>
            <th scope="col">
              <Trans>Quizzes passed</Trans>
            </th>
            <th scope="col">
              <Trans>Last activity</Trans>
            </th>
            <th scope="col">
              <Trans>Certificate</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => (
            <tr key={learner.enrollmentId}>
              <th scope="row" className={s.learnerCell}>
                <span className={s.name} translate="no">
                  {learner.name}
                </span>
                <span className={s.email} translate="no">
                  {learner.email}
                </span>
              </th>
              <td>
                <span className={s.progress}>
                  <ProgressBar percent={learner.percent} label={t`${learner.name}'s progress`} />
                  <span className={s.percent}>{learner.percent} %</span>
                </span>
              </td>
              <td className={s.numeric}>
                {learner.completedRequired} / {requiredLessons}
              </td>
              <td className={s.numeric}>{learner.quizzesPassed}</td>
              <td>
                {learner.lastActivityAt ? (
                  formatDate(learner.lastActivityAt)
                ) : (
                  <Trans>Not started</Trans>
                )}
              </td>
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
  if (state === "none") {
    return (
      <span className="muted">
        <Trans>Not yet</Trans>
      </span>
    );
  }
  if (state === "revoked") {
    return (
      <Badge tone="danger">
        <Trans>Revoked</Trans>
      </Badge>
    );
  }
  return (
    <span className={s.certificateCell}>
      <Badge tone="success">
        <Trans>Issued</Trans>
      </Badge>
      <button type="button" className={linkButtonClass} onClick={onRevoke}>
        <Trans>
          Revoke<span className="visually-hidden"> {learner.name}'s certificate</span>
        </Trans>
      </button>
    </span>
  );
}
