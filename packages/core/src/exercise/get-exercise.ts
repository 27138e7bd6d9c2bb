import { type Database, exerciseSubmissions } from "@lumen/db";
import { and, count, desc, eq } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import { openExerciseForEditing } from "./access";
import { EXERCISE_LANGUAGES, loadExercise, loadTests, toSubmissionView } from "./load";
import type { EditableExercise } from "./types";
import { gradingUnavailableReason } from "./waiting";

/** The whole exercise for the course's editors: hidden tests and reference solution included. */
export async function getEditableExercise({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<EditableExercise> {
  const lesson = await openExerciseForEditing(db, user, input.lessonId);
  return readEditableExercise(db, lesson.id);
}

/** The latest check of the reference solution against the exercise's current version. */
export async function latestReferenceCheck(db: Queryable, lessonId: string, version: number) {
  const [row] = await db
    .select()
    .from(exerciseSubmissions)
    .where(
      and(
        eq(exerciseSubmissions.lessonId, lessonId),
        eq(exerciseSubmissions.purpose, "reference"),
        eq(exerciseSubmissions.exerciseVersion, version),
      ),
    )
    .orderBy(desc(exerciseSubmissions.createdAt))
    .limit(1);
  return row ?? null;
}

/** One query after another: inside a transaction they share a single connection. */
export async function readEditableExercise(
  db: Queryable,
  lessonId: string,
): Promise<EditableExercise> {
  const stored = await loadExercise(db, lessonId);
  const tests = await loadTests(db, lessonId);
  const check = await latestReferenceCheck(db, lessonId, stored.version);
  const waiting =
    check && check.status !== "graded" ? await gradingUnavailableReason(db, "editor") : null;
  const [attempts] = await db
    .select({ n: count() })
    .from(exerciseSubmissions)
    .where(
      and(eq(exerciseSubmissions.lessonId, lessonId), eq(exerciseSubmissions.purpose, "submit")),
    );
  return {
    lessonId,
    ...stored,
    tests,
    referenceCheck: check ? toSubmissionView(check, waiting) : null,
    referencePassed: check?.status === "graded" && check.passed === true,
    languages: EXERCISE_LANGUAGES,
    attemptCount: attempts?.n ?? 0,
  };
}
