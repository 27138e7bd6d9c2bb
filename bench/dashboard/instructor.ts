import { courseInstructors, type Database, enrollments, users } from "@lumen/db";
import type { Mailbox } from "@lumen/tools/mailbox";
import { eq } from "drizzle-orm";
import { signUpLearners } from "../progress/world";

/** A signed-up account made one of the course's instructors: its session cookie. */
export async function instructorCookie(
  db: Database,
  apiUrl: string,
  mailbox: Mailbox,
  courseId: string,
) {
  const [account] = await signUpLearners(apiUrl, mailbox, 1, [{ id: courseId, lessons: [] }]);
  if (!account) throw new Error("no instructor account signed up");
  const [row] = await db
    .select({ userId: enrollments.userId })
    .from(enrollments)
    .where(eq(enrollments.id, account.enrollmentId));
  if (!row) throw new Error("the signed-up instructor has no enrollment");
  await db.insert(courseInstructors).values({ courseId, userId: row.userId });
  // Only instructors (and admins) edit or export; the route reads the role fresh.
  await db.update(users).set({ role: "instructor" }).where(eq(users.id, row.userId));
  return account.cookie;
}
