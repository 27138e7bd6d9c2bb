import { Trans, useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { categoryText } from "../lib/course-category";
import { LEVEL_LABELS } from "../lib/course-level";
import { capitalize, formatCount, formatLearners, formatNumber, languageName } from "../lib/format";
import s from "./CourseCard.module.css";
import { CourseCover } from "./CourseCover";
import { Highlighted } from "./Highlighted";

export interface CourseSummary {
  slug: string;
  title: string;
  subtitle: string;
  category: string;
  level: string;
  language: string;
  ratingAverage: number;
  ratingCount: number;
  enrollmentCount: number;
  instructorName: string;
  coverImageUrl?: string | null;
  /** Escaped snippets with `<mark>` around search matches. */
  highlights?: { title?: string; subtitle?: string; description?: string } | undefined;
}

/** A course in a list. The title link covers the whole card (see `.card-link::after`). */
export function CourseCard({ course, footer }: { course: CourseSummary; footer?: ReactNode }) {
  const { t } = useLingui();
  const { highlights } = course;
  const level = LEVEL_LABELS[course.level];
  return (
    <article className={s.card}>
      <CourseCover url={course.coverImageUrl} category={course.category} />
      <div className={s.body}>
        <p className={s.eyebrow}>
          {categoryText(course.category, t)} · {level ? t(level) : capitalize(course.level)}
        </p>
        <h3 className={s.title} translate="no">
          <Link to={`/courses/${course.slug}`} className={s.link}>
            <Highlighted text={course.title} html={highlights?.title} />
          </Link>
        </h3>
        <p className={s.subtitle} translate="no">
          <Highlighted text={course.subtitle} html={highlights?.subtitle} />
        </p>
        {highlights?.description && (
          <p className={s.snippet} translate="no">
            <Highlighted text="" html={highlights.description} />
          </p>
        )}
        <p className={s.meta}>
          <span translate="no">{course.instructorName}</span>
          <span>{languageName(course.language)}</span>
        </p>
        <p className={s.stats}>
          <Rating average={course.ratingAverage} count={course.ratingCount} />
          <span>{formatLearners(course.enrollmentCount)}</span>
        </p>
        {footer && <div className={s.footer}>{footer}</div>}
      </div>
    </article>
  );
}

export function Rating({ average, count }: { average: number; count: number }) {
  if (count === 0)
    return (
      <span>
        <Trans>No ratings yet</Trans>
      </span>
    );
  const rating = formatNumber(average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const ratings = formatCount(count);
  return (
    <span>
      <span className={s.star} aria-hidden="true">
        ★{" "}
      </span>
      {/* One message: the spoken words around the numbers change order between languages. */}
      <Trans>
        <span className="visually-hidden">Rated </span>
        {rating}
        <span className="visually-hidden"> out of 5</span> ({ratings}
        <span className="visually-hidden"> ratings</span>)
      </Trans>
    </span>
  );
}
