import { courses, users } from "@lumen/db";

/** The columns a catalog card shows; shared by listing, my-learning and detail. */
export const courseCardColumns = {
  id: courses.id,
  slug: courses.slug,
  title: courses.title,
  subtitle: courses.subtitle,
  category: courses.category,
  level: courses.level,
  language: courses.language,
  ratingAverage: courses.ratingAverage,
  ratingCount: courses.ratingCount,
  enrollmentCount: courses.enrollmentCount,
  publishedAt: courses.publishedAt,
  instructorName: users.name,
};

export type CourseCard = {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  category: string;
  level: "beginner" | "intermediate" | "advanced";
  language: string;
  ratingAverage: number;
  ratingCount: number;
  enrollmentCount: number;
  publishedAt: Date | null;
  instructorName: string;
};
