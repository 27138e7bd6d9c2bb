import { Trans, useLingui } from "@lingui/react/macro";
import { ButtonLink } from "../../components/ui/Button";
import { Notice } from "../../components/ui/Notice";
import type { CourseDetail } from "../../lib/trpc";
import s from "./EditorBanner.module.css";

/**
 * Tells a course's editors (its instructors, admins) how they are seeing it: a draft only
 * they can see, or a published course opened without enrolling — every lesson open, nothing
 * recorded as learner progress. Leads back to the editor. Nothing for anyone else.
 */
export function EditorBanner({ course }: { course: CourseDetail }) {
  const { t } = useLingui();
  if (!course.viewerCanEdit) return null;
  const draft = course.status === "draft";
  if (!draft && course.enrollment !== null) return null;
  return (
    <Notice
      tone="warning"
      className={s.banner}
      role="note"
      aria-label={draft ? t`Draft preview` : t`Instructor preview`}
    >
      {draft ? (
        <p>
          <Trans>
            <strong>Draft preview.</strong> Only you and co-instructors can see this page. Learners
            will see it once the course is published.
          </Trans>
        </p>
      ) : (
        <p>
          <Trans>
            <strong>Instructor preview.</strong> You can open every lesson of your course without
            enrolling; nothing you do here counts as learner progress.
          </Trans>
        </p>
      )}
      <ButtonLink to={`/teach/courses/${course.id}`} variant="secondary" size="small">
        {draft ? <Trans>Back to the editor</Trans> : <Trans>Edit course</Trans>}
      </ButtonLink>
    </Notice>
  );
}
