import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { ProgressBar } from "../../components/ProgressBar";
import { Badge } from "../../components/ui/Badge";
import { buttonClass } from "../../components/ui/Button";
import { formatDuration } from "../../lib/format";
import { LESSON_KIND_LABELS, lessonStatus } from "../../lib/learn-outline";
import type { CourseDetail } from "../../lib/trpc";
import { type CourseProgress, lessonPath } from "./api";
import s from "./CourseSidebar.module.css";
import { LessonStatusIcon } from "./LessonStatusIcon";

/**
 * The course beside the lesson: progress, and every lesson with its state. On a narrow
 * screen it folds into a "Course content" disclosure above the lesson.
 */
export function CourseSidebar({
  course,
  progress,
  currentLessonId,
  canOpenAll,
}: {
  course: CourseDetail;
  progress: CourseProgress | null | undefined;
  currentLessonId: string;
  canOpenAll: boolean;
}) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const states = new Map(progress?.lessons.map((l) => [l.lessonId, l]));

  // Moving to another lesson closes the folded outline and keeps the current one in view.
  useEffect(() => {
    setOpen(false);
    const container = list.current;
    const current = container?.querySelector<HTMLElement>(`[data-lesson="${currentLessonId}"]`);
    if (!container || !current) return;
    const top = current.offsetTop - container.offsetTop;
    if (top < container.scrollTop || top > container.scrollTop + container.clientHeight - 48) {
      container.scrollTop = Math.max(0, top - container.clientHeight / 3);
    }
  }, [currentLessonId]);

  return (
    <aside className={s.sidebar} aria-label={t`Course content`}>
      <div className={s.head}>
        <Link to={`/courses/${course.slug}`} className={s.courseTitle} translate="no">
          {course.title}
        </Link>
        {canOpenAll && (
          <nav aria-label={t`Course`}>
            <Link to={`/courses/${course.slug}/forum`} className={s.forumLink}>
              <Trans>Course forum</Trans>
            </Link>
          </nav>
        )}
        {progress && <SidebarProgress progress={progress} />}
        <button
          type="button"
          className={buttonClass({ variant: "ghost" }, s.toggle)}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? <Trans>Hide course content</Trans> : <Trans>Show course content</Trans>}
        </button>
      </div>
      <div className={s.outline} id={listId} data-open={open} ref={list}>
        {course.modules.map((module) => (
          <section key={module.id} aria-labelledby={`module-${module.id}`}>
            <h2 id={`module-${module.id}`} className={s.moduleTitle} translate="no">
              {module.title}
            </h2>
            <ol className={s.lessons}>
              {module.lessons.map((lesson) => {
                const status = lessonStatus(lesson, states.get(lesson.id), canOpenAll);
                const current = lesson.id === currentLessonId;
                return (
                  <li key={lesson.id}>
                    <Link
                      to={lessonPath(course.slug, lesson.id)}
                      className={s.lesson}
                      data-lesson={lesson.id}
                      aria-current={current ? "page" : undefined}
                    >
                      <LessonStatusIcon status={status} />
                      <span className={s.text}>
                        <span className={s.title} translate="no">
                          {lesson.title}
                        </span>
                        <span className={s.meta}>
                          {LESSON_KIND_LABELS[lesson.kind] ?? lesson.kind}
                          {lesson.durationSeconds > 0 &&
                            ` · ${formatDuration(lesson.durationSeconds)}`}
                          {isOptional(lesson) && (
                            <Badge className={s.badge}>
                              <Trans>Optional</Trans>
                            </Badge>
                          )}
                          {!canOpenAll && lesson.isPreview && (
                            <Badge tone="info" className={s.badge}>
                              <Trans>Preview</Trans>
                            </Badge>
                          )}
                        </span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </div>
    </aside>
  );
}

function SidebarProgress({ progress }: { progress: CourseProgress }) {
  const { t } = useLingui();
  const { percent, completedRequired: done, requiredLessons: required } = progress;
  return (
    <div className={s.progress}>
      <ProgressBar
        percent={percent}
        label={t`Course progress`}
        valueText={t`${percent} % complete`}
      />
      <p className="muted">
        <Trans>
          {percent} % complete · {done} of {required} required lessons
        </Trans>
      </p>
    </div>
  );
}

/** `isOptional` joins the outline with the learning loop; older answers lack it. */
export function isOptional(lesson: { id: string; isOptional?: boolean }): boolean {
  return lesson.isOptional === true;
}
