import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { formatPercent } from "../../../lib/learn-outline";
import s from "./assignment.module.css";
import { formatMoment, type LearnerAssignment, reviewWindowText } from "./assignment-view";
import { maxPointsOf } from "./rubric-view";

/** Due date, review window, reviews to give, points and pass mark, before anything is sent. */
export function AssignmentFacts({ assignment }: { assignment: LearnerAssignment }) {
  const { t } = useLingui();
  const { settings } = assignment;
  const due = settings.dueAt ? formatMoment(settings.dueAt) : null;
  const closed = !assignment.open && assignment.rubric.length > 0;
  const toGive = settings.reviewsToGive;
  const needed = settings.reviewsNeeded;
  const points = maxPointsOf(assignment.rubric);
  const passMark = formatPercent(settings.passingPercent);
  return (
    <ul className={s.facts} aria-label={t`About this assignment`}>
      <li>
        {closed
          ? due
            ? t`Due ${due} · Submissions are closed`
            : t`No due date · Submissions are closed`
          : due
            ? t`Due ${due}`
            : t`No due date`}
      </li>
      <li>
        {toGive === 0
          ? t`No peer reviews to give`
          : t`You review ${plural(toGive, { one: "# classmate's submission", other: "# classmates' submissions" })}`}
      </li>
      <li>{t`Each submission gets ${plural(needed, { one: "# review", other: "# reviews" })}`}</li>
      <li>{reviewWindowText(settings)}</li>
      <li>{t`${plural(points, { one: "# point", other: "# points" })} · pass mark ${passMark}`}</li>
      {settings.requiredForCertificate && (
        <li>
          <Trans>Required for the certificate</Trans>
        </li>
      )}
    </ul>
  );
}
