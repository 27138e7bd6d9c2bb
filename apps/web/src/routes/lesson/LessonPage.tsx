import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../components/Breadcrumb";
import { ErrorState, LoadingState } from "../../components/states";
import { Badge } from "../../components/ui/Badge";
import { cx } from "../../components/ui/cx";
import { FormError } from "../../components/ui/Field";
import { formatDuration } from "../../lib/format";
import { LESSON_KIND_LABELS, type LocatedLesson, locateLesson } from "../../lib/learn-outline";
import { apiErrorCode, type CourseDetail, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { EditorBanner } from "../course/EditorBanner";
import { RatingPrompt } from "../course/ratings/RatingPrompt";
import { LessonThreads } from "../forum/LessonThreads";
import { useCourseProgress } from "../learn/api";
import { CourseSidebar, isOptional } from "../learn/CourseSidebar";
import { LessonNav } from "../learn/LessonNav";
import { MilestoneToast } from "../learn/MilestoneToast";
import { NotFoundContent } from "../NotFoundPage";
import { AssignmentLesson } from "./assignment/AssignmentLesson";
import { ExerciseLesson } from "./exercise/ExerciseLesson";
import { LessonContentView } from "./LessonContentView";
import { LessonVideo } from "./LessonVideo";
import s from "./lesson.module.css";
import { QuizLesson } from "./quiz/QuizLesson";

/** The course player: `/courses/:slug/lessons/:lessonId`. */
export function Component() {
  const { t } = useLingui();
  const { slug = "", lessonId = "" } = useParams();
  const course = useQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  const found = course.data ? locateLesson(course.data.modules, lessonId) : null;
  useDocumentTitle(found && course.data ? `${found.lesson.title} — ${course.data.title}` : null);

  if (course.isPending) return <LoadingState label={t`Loading lesson…`} />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course. It may have moved or been unpublished.`}
        />
      );
    }
    return (
      <ErrorState message={t`We could not load this lesson.`} onRetry={() => course.refetch()} />
    );
  }
  if (!found)
    return (
      <NotFoundContent
        title={t`Lesson not found`}
        message={t`We could not find that lesson. It may have moved or been unpublished.`}
      />
    );
  return <CoursePlayer course={course.data} at={found} />;
}

type OutlineLesson = CourseDetail["modules"][number]["lessons"][number];

/**
 * Enrolling from a locked lesson (its enroll panel) turns the refusal into the lesson: ask
 * again for whatever the lesson's kind had been refused.
 */
function useRefetchOnEnroll(enrolled: boolean, lessonId: string) {
  const client = useQueryClient();
  const was = useRef(enrolled);
  useEffect(() => {
    if (enrolled && !was.current) {
      const input = { lessonId };
      void client.invalidateQueries(trpc.video.playback.queryFilter(input));
      void client.invalidateQueries(trpc.learning.lesson.queryFilter(input));
      void client.invalidateQueries(trpc.quiz.take.queryFilter(input));
      void client.invalidateQueries(trpc.exercise.take.queryFilter(input));
      void client.invalidateQueries(trpc.assignment.take.queryFilter(input));
    }
    was.current = enrolled;
  }, [enrolled, lessonId, client]);
}

function CoursePlayer({ course, at }: { course: CourseDetail; at: LocatedLesson<OutlineLesson> }) {
  const progress = useCourseProgress(course);
  const { lesson } = at;
  const enrolled = course.enrollment !== null;
  // Editors (the only ones who can open a draft at all) may open every lesson without enrolling.
  const canOpenAll = enrolled || course.viewerCanEdit;
  useRefetchOnEnroll(enrolled, lesson.id);
  const lessonProgress = progress.data?.lessons.find((l) => l.lessonId === lesson.id);
  const position = at.index + 1;
  const count = at.module.lessons.length;
  return (
    <div className={s.learn}>
      <CourseSidebar
        course={course}
        progress={progress.data}
        currentLessonId={lesson.id}
        canOpenAll={canOpenAll}
      />
      <article className={s.main}>
        <Breadcrumb>
          <li>
            <Link to="/">
              <Trans>Catalog</Trans>
            </Link>
          </li>
          <li>
            <Link to={`/courses/${course.slug}`} translate="no">
              {course.title}
            </Link>
          </li>
        </Breadcrumb>
        <EditorBanner course={course} />
        <h1 translate="no">{lesson.title}</h1>
        <p className={cx("muted", s.where)}>
          <span translate="no">{at.module.title}</span> ·{" "}
          <Trans>
            Lesson {position} of {count}
          </Trans>{" "}
          · {LESSON_KIND_LABELS[lesson.kind] ?? lesson.kind}
          {lesson.durationSeconds > 0 && ` · ${formatDuration(lesson.durationSeconds)}`}
          {isOptional(lesson) && (
            <Badge className={s.badge}>
              <Trans>Optional</Trans>
            </Badge>
          )}
        </p>
        {progress.isError && (
          <FormError>
            <Trans>Your progress could not be loaded; what you do now is still saved.</Trans>
          </FormError>
        )}
        {enrolled && (
          <RatingPrompt
            courseId={course.id}
            courseSlug={course.slug}
            percent={progress.data?.percent}
          />
        )}
        <div className={s.body}>
          {lesson.kind === "video" ? (
            <LessonVideo course={course} lessonId={lesson.id} title={lesson.title} />
          ) : lesson.kind === "quiz" ? (
            <QuizLesson course={course} lessonId={lesson.id} />
          ) : lesson.kind === "exercise" ? (
            <ExerciseLesson course={course} lessonId={lesson.id} />
          ) : lesson.kind === "assignment" ? (
            <AssignmentLesson course={course} lessonId={lesson.id} />
          ) : (
            <LessonContentView
              course={course}
              lessonId={lesson.id}
              kind={lesson.kind}
              lessonProgress={lessonProgress}
            />
          )}
        </div>
        <LessonNav slug={course.slug} previous={at.previous} next={at.next} />
        {canOpenAll && <LessonThreads slug={course.slug} lessonId={lesson.id} />}
      </article>
      <MilestoneToast courseTitle={course.title} milestones={progress.data?.milestones} />
    </div>
  );
}
