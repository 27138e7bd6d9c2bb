import { Link } from "react-router";
import { CourseCover } from "../../components/CourseCover";
import { ProgressBar } from "../../components/ProgressBar";
import { buttonClass } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { formatDate } from "../../lib/format";
import type { MyEnrollment } from "../../lib/trpc";
import { lessonPath, type MyProgress } from "../learn/api";
import s from "./my-learning.module.css";

type CourseRow = MyProgress["courses"][number];

/** Each enrolled course with its progress and the way back in; most recent activity first. */
export function CourseProgressList({
  courses,
  enrollments,
}: {
  courses: CourseRow[];
  /** For the cover pictures; the list works without them. */
  enrollments: MyEnrollment[] | undefined;
}) {
  const cards = new Map(enrollments?.map((e) => [e.enrollmentId, e.course]));
  const ordered = [...courses].sort((a, b) =>
    (b.lastActivityAt ?? "").localeCompare(a.lastActivityAt ?? ""),
  );
  return (
    <ul className={s.courses} aria-label="Enrolled courses">
      {ordered.map((course) => {
        const card = cards.get(course.enrollmentId);
        const done = course.percent >= 100;
        const continueTo = course.resumeLessonId
          ? lessonPath(course.slug, course.resumeLessonId)
          : `/courses/${course.slug}/learn`;
        return (
          <li key={course.enrollmentId} className={s.course}>
            <div className={s.cover} aria-hidden="true">
              {card && <CourseCover url={card.coverImageUrl} category={card.category} />}
            </div>
            <div>
              <h3 className={s.title} id={`course-${course.enrollmentId}`}>
                <Link to={`/courses/${course.slug}`}>{course.title}</Link>
              </h3>
              <ProgressBar
                percent={course.percent}
                label={`Progress in ${course.title}`}
                valueText={`${course.percent} % complete`}
              />
              <p className={cx("muted", s.meta)}>
                {course.percent} % · {course.completedRequired} of {course.requiredLessons} lessons
                {course.lastActivityAt && ` · Last studied ${formatDate(course.lastActivityAt)}`}
              </p>
            </div>
            <div className={s.actions}>
              <Link
                to={continueTo}
                className={buttonClass({ variant: done ? "secondary" : "primary", size: "small" })}
                // Named by its verb (one title link per course), described by the course.
                aria-describedby={`course-${course.enrollmentId}`}
              >
                {done ? "Review" : course.lastActivityAt ? "Continue" : "Start"}
              </Link>
              {course.certificateId && (
                <a
                  href={`#certificate-${course.certificateId}`}
                  className={s.cert}
                  aria-describedby={`course-${course.enrollmentId}`}
                >
                  Certificate
                </a>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
