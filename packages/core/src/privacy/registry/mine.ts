import { enrollments } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { Database } from "../../kernel";

/** The user's enrollment ids, as a subquery: most learning rows hang on an enrollment. */
export function myEnrollments(db: Database, userId: string) {
  return db.select({ id: enrollments.id }).from(enrollments).where(eq(enrollments.userId, userId));
}
