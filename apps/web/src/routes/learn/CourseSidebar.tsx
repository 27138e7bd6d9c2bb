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
    <aside className={s.sidebar} aria-label="Course content">
      <div className={s.head}>
        <Link to={`/courses/${course.slug}`} className={s.courseTitle}>
          {course.title}
        </Link>
        {canOpenAll && (
          <nav aria-label="Course">
            <Link to={`/courses/${course.slug}/forum`} className={s.forumLink}>
              Course forum
            </Link>
          </nav>
        )}
        {progress && (
          <div className={s.progress}>
            <ProgressBar
              percent={progress.percent}
              label="Course progress"
              valueText={`${progress.percent} % complete`}
            />
            <p className="muted">
              {progress.percent} % complete · {progress.completedRequired} of{" "}
              {progress.requiredLessons} required lessons
            </p>
          </div>
        )}
        <button
          type="button"
          className={buttonClass({ variant: "ghost" }, s.toggle)}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? "Hide course content" : "Show course content"}
        </button>
      </div>
      <div className={s.outline} id={listId} data-open={open} ref={list}>
        {course.modules.map((module) => (
          <section key={module.id} aria-label={module.title}>
            <h2 className={s.moduleTitle}>{module.title}</h2>
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
                        <span className={s.title}>{lesson.title}</span>
                        <span className={s.meta}>
                          {LESSON_KIND_LABELS[lesson.kind] ?? lesson.kind}
                          {lesson.durationSeconds > 0 &&
                            ` · ${formatDuration(lesson.durationSeconds)}`}
                          {isOptional(lesson) && <Badge className={s.badge}>Optional</Badge>}
                          {!canOpenAll && lesson.isPreview && (
                            <Badge tone="info" className={s.badge}>
                              Preview
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

/** `isOptional` joins the outline with the learning loop; older answers lack it. */
export function isOptional(lesson: { id: string; isOptional?: boolean }): boolean {
  return lesson.isOptional === true;
}
