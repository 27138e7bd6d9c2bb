import type { ReactNode } from "react";
import { Link } from "react-router";
import { capitalize, formatCount, formatLearners, languageName } from "../lib/format";
import type { CourseCardData } from "../lib/trpc";

/** A course in a list. The title link covers the whole card (see `.card-link::after`). */
export function CourseCard({ course, footer }: { course: CourseCardData; footer?: ReactNode }) {
  return (
    <article className="card">
      <p className="card-eyebrow">
        {course.category} · {capitalize(course.level)}
      </p>
      <h3 className="card-title">
        <Link to={`/courses/${course.slug}`} className="card-link">
          {course.title}
        </Link>
      </h3>
      <p className="card-subtitle">{course.subtitle}</p>
      <p className="card-meta">
        <span>{course.instructorName}</span>
        <span>{languageName(course.language)}</span>
      </p>
      <p className="card-stats">
        <Rating average={course.ratingAverage} count={course.ratingCount} />
        <span>{formatLearners(course.enrollmentCount)}</span>
      </p>
      {footer && <div className="card-footer">{footer}</div>}
    </article>
  );
}

export function Rating({ average, count }: { average: number; count: number }) {
  if (count === 0) return <span>No ratings yet</span>;
  return (
    <span>
      <span className="star" aria-hidden="true">
        ★{" "}
      </span>
      <span className="visually-hidden">Rated </span>
      {average.toFixed(1)}
      <span className="visually-hidden"> out of 5</span> ({formatCount(count)}
      <span className="visually-hidden"> ratings</span>)
    </span>
  );
}
