import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import type { CourseSource } from "./document";

type SourceRow = Omit<CourseSource, "publishedAt" | "updatedAtMicros"> & {
  status: "draft" | "published";
  publishedAt: string | Date | null;
  updatedAtMicros: string | number;
};

/** Courses (`c`) selected by `where`, as indexing reads them from Postgres, the source of truth. */
export async function loadCourses(
  db: Database,
  where: SQL,
  limit?: number,
): Promise<Array<CourseSource & { status: "draft" | "published" }>> {
  const result = await db.execute<SourceRow>(sql`
    select c.id, c.slug, c.title, c.subtitle, c.description, c.tags, c.category, c.level,
      c.language, c.rating_average as "ratingAverage", c.rating_count as "ratingCount",
      c.rating_score as "ratingScore",
      c.enrollment_count as "enrollmentCount", c.published_at as "publishedAt",
      u.name as "instructorName", c.cover_image_key as "coverImageKey", c.status,
      (extract(epoch from c.updated_at) * 1000000)::bigint::text as "updatedAtMicros"
    from courses c join users u on u.id = c.instructor_id
    where ${where} order by c.id ${limit ? sql`limit ${limit}` : sql``}`);
  return result.rows.map((row) => ({
    ...row,
    ratingAverage: Number(row.ratingAverage),
    ratingScore: Number(row.ratingScore),
    publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
    updatedAtMicros: Number(row.updatedAtMicros),
  }));
}
