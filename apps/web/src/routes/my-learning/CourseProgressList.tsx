import { Trans, useLingui } from "@lingui/react/macro";
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
  const { t } = useLingui();
  const cards = new Map(enrollments?.map((e) => [e.enrollmentId, e.course]));
  const ordered = [...courses].sort((a, b) =>
    (b.lastActivityAt ?? "").localeCompare(a.lastActivityAt ?? ""),
  );
  return (
    <ul className={s.courses} aria-label={t`Enrolled courses`}>
      {ordered.map((course) => {
        const card = cards.get(course.enrollmentId);
        const { title, percent, completedRequired: done, requiredLessons: required } = course;
        const studied = course.lastActivityAt ? formatDate(course.lastActivityAt) : null;
        const finished = course.percent >= 100;
        const continueTo = course.resumeLessonId
          ? lessonPath(course.slug, course.resumeLessonId)
          : `/courses/${course.slug}/learn`;
        return (
          <li key={course.enrollmentId} className={s.course}>
            <div className={s.cover} aria-hidden="true">
              {card && <CourseCover url={card.coverImageUrl} category={card.category} />}
            </div>
            <div>
              <h3 className={s.title} id={`course-${course.enrollmentId}`} translate="no">
                <Link to={`/courses/${course.slug}`}>{course.title}</Link>
              </h3>
              <ProgressBar
                percent={course.percent}
                label={t`Progress in ${title}`}
                valueText={t`${percent} % complete`}
              />
              <p className={cx("muted", s.meta)}>
                {studied ? (
                  <Trans>
                    {percent} % · {done} of {required} lessons · Last studied {studied}
                  </Trans>
                ) : (
                  <Trans>
                    {percent} % · {done} of {required} lessons
                  </Trans>
                )}
              </p>
            </div>
            <div className={s.actions}>
              <Link
                to={continueTo}
                className={buttonClass({
                  variant: finished ? "secondary" : "primary",
                  size: "small",
                })}
                // Named by its verb (one title link per course), described by the course.
                aria-describedby={`course-${course.enrollmentId}`}
              >
                {finished ? (
                  <Trans>Review</Trans>
                ) : course.lastActivityAt ? (
                  <Trans>Continue</Trans>
                ) : (
                  <Trans>Start</Trans>
                )}
              </Link>
              {course.certificateId && (
                <a
                  href={`#certificate-${course.certificateId}`}
                  className={s.cert}
                  aria-describedby={`course-${course.enrollmentId}`}
                >
                  <Trans>Certificate</Trans>
                </a>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
