import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Markdown } from "../../components/Markdown";
import { ErrorState } from "../../components/states";
import { cx } from "../../components/ui/cx";
import { apiErrorCode, type CourseDetail, trpc } from "../../lib/trpc";
import type { LessonProgress } from "../learn/api";
import { MarkComplete } from "../learn/MarkComplete";
import { DocumentLesson } from "./DocumentLesson";
import { LockedLesson } from "./LockedLesson";
import s from "./lesson.module.css";

/** Text and PDF lessons: what `learning.lesson` returns for them. */
export function LessonContentView({
  course,
  lessonId,
  kind,
  lessonProgress,
}: {
  course: CourseDetail;
  lessonId: string;
  kind: string;
  lessonProgress: LessonProgress | undefined;
}) {
  const { t } = useLingui();
  const content = useQuery(trpc.learning.lesson.queryOptions({ lessonId }));
  if (content.isPending) {
    return (
      <div className={s.skeleton} role="status">
        <span className={s.skeletonLine} />
        <span className={s.skeletonLine} />
        <span className={s.skeletonShort} />
        <span className="visually-hidden">
          <Trans>Loading the lesson…</Trans>
        </span>
      </div>
    );
  }
  if (content.isError) {
    const code = apiErrorCode(content.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind={kind} />;
    }
    return (
      <ErrorState message={t`We could not load this lesson.`} onRetry={() => content.refetch()} />
    );
  }
  const lesson = content.data;
  const enrollmentId = course.enrollment?.id ?? null;
  return (
    <>
      {lesson.kind === "pdf" ? (
        <DocumentLesson content={lesson} />
      ) : (
        <div className={s.text}>
          {lesson.body.trim() ? (
            <Markdown source={lesson.body} headingBase={2} />
          ) : (
            <p className="muted">
              <Trans>This lesson has no text yet.</Trans>
            </p>
          )}
        </div>
      )}
      {enrollmentId ? (
        <MarkComplete
          enrollmentId={enrollmentId}
          lessonId={lessonId}
          courseId={course.id}
          completed={lessonProgress?.completed === true}
        />
      ) : (
        course.status === "published" && (
          <p className={cx("muted", s.flush)}>
            <Trans>Enroll in the course to keep track of what you finish.</Trans>
          </p>
        )
      )}
    </>
  );
}
