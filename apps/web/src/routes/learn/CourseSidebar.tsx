import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { ProgressBar } from "../../components/ProgressBar";
import { formatDuration } from "../../lib/format";
import { LESSON_KIND_LABELS, lessonStatus } from "../../lib/learn-outline";
import type { CourseDetail } from "../../lib/trpc";
import { type CourseProgress, lessonPath } from "./api";
import { LessonStatusIcon } from "./LessonStatusIcon";
import "../../learn.css";

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
    <aside className="learn-sidebar" aria-label="Course content">
      <div className="learn-sidebar-head">
        <Link to={`/courses/${course.slug}`} className="learn-course-title">
          {course.title}
        </Link>
        {progress && (
          <div className="learn-course-progress">
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
          className="button button-ghost learn-sidebar-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? "Hide course content" : "Show course content"}
        </button>
      </div>
      <div className="learn-outline" id={listId} data-open={open} ref={list}>
        {course.modules.map((module) => (
          <section key={module.id} className="learn-module" aria-label={module.title}>
            <h2 className="learn-module-title">{module.title}</h2>
            <ol className="learn-lessons">
              {module.lessons.map((lesson) => {
                const status = lessonStatus(lesson, states.get(lesson.id), canOpenAll);
                const current = lesson.id === currentLessonId;
                return (
                  <li key={lesson.id}>
                    <Link
                      to={lessonPath(course.slug, lesson.id)}
                      className="learn-lesson"
                      data-lesson={lesson.id}
                      aria-current={current ? "page" : undefined}
                    >
                      <LessonStatusIcon status={status} />
                      <span className="learn-lesson-text">
                        <span className="learn-lesson-title">{lesson.title}</span>
                        <span className="learn-lesson-meta">
                          {LESSON_KIND_LABELS[lesson.kind] ?? lesson.kind}
                          {lesson.durationSeconds > 0 &&
                            ` · ${formatDuration(lesson.durationSeconds)}`}
                          {isOptional(lesson) && <span className="tag">Optional</span>}
                          {!canOpenAll && lesson.isPreview && (
                            <span className="tag tag-preview">Preview</span>
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
