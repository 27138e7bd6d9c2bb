import { plural } from "../../../lib/format";
import { formatPercent } from "../../../lib/learn-outline";
import s from "./assignment.module.css";
import { formatMoment, type LearnerAssignment, reviewWindowText } from "./assignment-view";
import { maxPointsOf } from "./rubric-view";

/** Due date, review window, reviews to give, points and pass mark, before anything is sent. */
export function AssignmentFacts({ assignment }: { assignment: LearnerAssignment }) {
  const { settings } = assignment;
  return (
    <ul className={s.facts} aria-label="About this assignment">
      <li>
        {settings.dueAt ? `Due ${formatMoment(settings.dueAt)}` : "No due date"}
        {!assignment.open && assignment.rubric.length > 0 && " · Submissions are closed"}
      </li>
      <li>
        {settings.reviewsToGive === 0
          ? "No peer reviews to give"
          : `You review ${plural(settings.reviewsToGive, "classmate's submission", "classmates' submissions")}`}
      </li>
      <li>Each submission gets {plural(settings.reviewsNeeded, "review")}</li>
      <li>{reviewWindowText(settings)}</li>
      <li>
        {plural(maxPointsOf(assignment.rubric), "point")} · pass mark{" "}
        {formatPercent(settings.passingPercent)}
      </li>
      {settings.requiredForCertificate && <li>Required for the certificate</li>}
    </ul>
  );
}
