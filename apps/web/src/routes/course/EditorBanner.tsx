import { Link } from "react-router";
import type { CourseDetail } from "../../lib/trpc";

/**
 * Tells a course's editors (its instructors, admins) how they are seeing it: a draft only
 * they can see, or a published course opened without enrolling — every lesson open, nothing
 * recorded as learner progress. Leads back to the editor. Nothing for anyone else.
 */
export function EditorBanner({ course }: { course: CourseDetail }) {
  if (!course.viewerCanEdit) return null;
  const draft = course.status === "draft";
  if (!draft && course.enrollment !== null) return null;
  return (
    <div
      className="draft-banner"
      role="note"
      aria-label={draft ? "Draft preview" : "Instructor preview"}
    >
      {draft ? (
        <p>
          <strong>Draft preview.</strong> Only you and co-instructors can see this page. Learners
          will see it once the course is published.
        </p>
      ) : (
        <p>
          <strong>Instructor preview.</strong> You can open every lesson of your course without
          enrolling; nothing you do here counts as learner progress.
        </p>
      )}
      <Link to={`/teach/courses/${course.id}`} className="button button-secondary button-small">
        {draft ? "Back to the editor" : "Edit course"}
      </Link>
    </div>
  );
}
