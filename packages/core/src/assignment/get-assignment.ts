import { assignmentReviews, assignmentSubmissions, type Database } from "@lumen/db";
import { count, eq } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import { openAssignmentForEditing } from "./access";
import { loadAssignment, loadExamples } from "./load";
import type { EditableAssignment } from "./types";
import { settingsView } from "./views";

/** The whole assignment for its editors: settings, rubric and the graded examples. */
export async function getEditableAssignment({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<EditableAssignment> {
  await openAssignmentForEditing(db, user, input.lessonId);
  return readEditableAssignment(db, input.lessonId);
}

export async function readEditableAssignment(
  db: Queryable,
  lessonId: string,
): Promise<EditableAssignment> {
  // One after the other: inside a transaction (a save answers with this) a client runs one
  // query at a time anyway.
  const assignment = await loadAssignment(db, lessonId);
  const examples = await loadExamples(db, lessonId);
  const [reviews] = await db
    .select({ n: count() })
    .from(assignmentReviews)
    .where(eq(assignmentReviews.lessonId, lessonId));
  const [submissions] = await db
    .select({ n: count() })
    .from(assignmentSubmissions)
    .where(eq(assignmentSubmissions.lessonId, lessonId));
  return {
    lessonId,
    settings: settingsView(assignment.settings),
    rubric: assignment.rubric,
    examples: examples.map(({ id, body, scores }) => ({ id, body, scores })),
    rubricLocked: (reviews?.n ?? 0) > 0,
    submissionCount: submissions?.n ?? 0,
  };
}
