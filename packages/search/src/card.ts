import { courses, users } from "@lumen/db";
import type { CourseCard } from "./types";

/** The columns a catalog card is built from; select them with `users` joined on the instructor. */
export const courseCardColumns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  subtitle: courses.subtitle,
  category: courses.category,
  level: courses.level,
  language: courses.language,
  tags: courses.tags,
  coverImageKey: courses.coverImageKey,
  ratingAverage: courses.ratingAverage,
  ratingCount: courses.ratingCount,
  enrollmentCount: courses.enrollmentCount,
  publishedAt: courses.publishedAt,
  instructorName: users.name,
};

export type CourseCardRow = Omit<CourseCard, "coverImageUrl"> & { coverImageKey: string | null };

/** Cover images are served by the API's media route; the key never leaves the server. */
export function coverImageUrl(key: string | null): string | null {
  return key ? `/media/${key}` : null;
}

export function toCourseCard({ coverImageKey, ...row }: CourseCardRow): CourseCard {
  return { ...row, coverImageUrl: coverImageUrl(coverImageKey) };
}
