import { type Database, exerciseSubmissions, lessons, modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { NotFoundError, type SessionUser } from "../kernel";
import { toSubmissionView } from "./load";
import type { SubmissionView } from "./types";
import { gradingUnavailableReason } from "./waiting";

const NOT_FOUND = "We couldn't find that submission.";

/**
 * One submission, for the page following it to its verdict: its author sees it, and so do
 * the course's editors (a reference check). Anyone else gets "not found", never "forbidden",
 * so submission ids reveal nothing.
 */
export async function getSubmission({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { submissionId: string };
}): Promise<SubmissionView> {
  const [found] = await db
    .select({ row: exerciseSubmissions, courseId: modules.courseId })
    .from(exerciseSubmissions)
    .innerJoin(lessons, eq(lessons.id, exerciseSubmissions.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(exerciseSubmissions.id, input.submissionId));
  if (!found) throw new NotFoundError(NOT_FOUND);
  if (found.row.userId !== user.id) {
    const editor = await assertCanEditCourse(db, user, found.courseId).then(
      () => true,
      () => false,
    );
    if (!editor) throw new NotFoundError(NOT_FOUND);
  }
  const audience = found.row.purpose === "reference" ? "editor" : "learner";
  const waiting =
    found.row.status === "graded" ? null : await gradingUnavailableReason(db, audience);
  return toSubmissionView(found.row, waiting);
}
