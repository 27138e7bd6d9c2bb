import type { CourseLevel } from "@lumen/shared";
import { coverImageUrl } from "../card";
import type { CourseCard } from "../types";

/** A course as stored in the Typesense collection (snake_case, numbers for dates). */
export interface CourseDocument {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  category: string;
  level: CourseLevel;
  language: string;
  rating_average: number;
  rating_count: number;
  /** The damped average the "rating" sort orders by (ADR 0032). */
  rating_score: number;
  /** What the minimum-rating filter reads: the average with enough ratings, else 0. */
  rating_filter: number;
  enrollment_count: number;
  /** Epoch milliseconds; absent for a course that has no publish date. */
  published_at?: number;
  instructor_name: string;
  cover_image_key?: string;
  /** The course's updatedAt in epoch microseconds: newer versions only ever replace older. */
  source_updated_at: number;
  /** Epoch milliseconds of the write; a full reindex removes what it did not write. */
  indexed_at: number;
}

/** A course row as read from Postgres for indexing. */
export interface CourseSource {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  tags: string[];
  category: string;
  level: CourseLevel;
  language: string;
  ratingAverage: number;
  ratingCount: number;
  ratingScore: number;
  enrollmentCount: number;
  publishedAt: Date | null;
  instructorName: string;
  coverImageKey: string | null;
  updatedAtMicros: number;
}

/** `minRatingCount`: ratings a course needs before the minimum-rating filter counts it. */
export function toCourseDocument(
  course: CourseSource,
  indexedAt: number,
  minRatingCount = 0,
): CourseDocument {
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    subtitle: course.subtitle,
    description: course.description,
    tags: course.tags,
    category: course.category,
    level: course.level,
    language: course.language,
    rating_average: course.ratingAverage,
    rating_count: course.ratingCount,
    rating_score: course.ratingScore,
    rating_filter: course.ratingCount >= minRatingCount ? course.ratingAverage : 0,
    enrollment_count: course.enrollmentCount,
    ...(course.publishedAt ? { published_at: course.publishedAt.getTime() } : {}),
    instructor_name: course.instructorName,
    ...(course.coverImageKey ? { cover_image_key: course.coverImageKey } : {}),
    source_updated_at: course.updatedAtMicros,
    indexed_at: indexedAt,
  };
}

export function toCourseCardFromDocument(doc: CourseDocument): CourseCard {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    subtitle: doc.subtitle,
    category: doc.category,
    level: doc.level,
    language: doc.language,
    tags: doc.tags,
    coverImageUrl: coverImageUrl(doc.cover_image_key ?? null),
    ratingAverage: doc.rating_average,
    ratingCount: doc.rating_count,
    enrollmentCount: doc.enrollment_count,
    publishedAt: doc.published_at === undefined ? null : new Date(doc.published_at),
    instructorName: doc.instructor_name,
  };
}
