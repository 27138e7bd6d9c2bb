import { randomUUID } from "node:crypto";
import { type Database, exerciseSubmissions, exercises, exerciseTests } from "@lumen/db";
import { gradeSubmissionJob, type Outbox } from "@lumen/jobs";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { lockLesson } from "../access";
import { touchCourse } from "../authoring";
import { type SessionUser, type Transaction, ValidationError } from "../kernel";
import { assertExerciseLesson } from "./access";
import { latestReferenceCheck, readEditableExercise } from "./get-exercise";
import type { EditableTest, SaveExerciseInput } from "./inputs";
import { loadExercise, loadTests, type StoredExercise } from "./load";
import { functionTestProblem } from "./sandbox-submission";
import type { EditableExercise } from "./types";

/**
 * Replaces an exercise's settings, code and tests in one transaction, under the course lock
 * like every authoring mutation. When anything that decides a verdict changed (or the last
 * check of this version did not pass), the version grows and the reference solution is sent
 * to the grader against every test; publishing waits for it to pass. Past attempts keep the
 * scores they were graded with.
 */
export async function saveExercise({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SaveExerciseInput;
}): Promise<EditableExercise> {
  assertValidExercise(input);
  return db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, user, input.lessonId);
    assertExerciseLesson(lesson);
    const before = await loadExercise(tx, lesson.id);
    const beforeTests = await loadTests(tx, lesson.id);
    const previousCheck = await latestReferenceCheck(tx, lesson.id, before.version);
    const changed = gradingKey(before, beforeTests) !== gradingKey(input, input.tests);
    const recheck = changed || !(previousCheck?.status === "graded" && previousCheck.passed);
    const version = changed || before.version === 0 ? before.version + 1 : before.version;
    const row = {
      ...input.settings,
      starterCode: input.starterCode,
      referenceSolution: input.referenceSolution,
      version,
      updatedAt: new Date(),
    };
    await tx
      .insert(exercises)
      .values({ lessonId: lesson.id, ...row })
      .onConflictDoUpdate({ target: exercises.lessonId, set: row });
    await replaceTests(tx, lesson.id, input.tests);
    const pending = previousCheck && previousCheck.status !== "graded" && !changed;
    if (recheck && !pending && input.referenceSolution.trim() && input.tests.length > 0) {
      const submissionId = randomUUID();
      await tx.insert(exerciseSubmissions).values({
        id: submissionId,
        lessonId: lesson.id,
        userId: user.id,
        purpose: "reference",
        exerciseVersion: version,
        language: input.settings.language,
        code: input.referenceSolution,
      });
      await outbox.enqueue(tx, gradeSubmissionJob, { submissionId });
    }
    await touchCourse(tx, outbox, course.id);
    return readEditableExercise(tx, lesson.id);
  });
}

/** Everything that can change a verdict; points, sample flags and attempts settings cannot. */
function gradingKey(
  exercise: Pick<StoredExercise, "settings" | "referenceSolution">,
  tests: ReadonlyArray<Pick<EditableTest, "input" | "expected">>,
): string {
  const { language, style, functionName, normalise, tolerance, timeLimitMs, memoryMb } =
    exercise.settings;
  return JSON.stringify([
    [language, style, functionName, normalise, tolerance, timeLimitMs, memoryMb],
    exercise.referenceSolution,
    tests.map((t) => [t.input, t.expected]),
  ]);
}

/** Existing tests keep their ids (stored results refer to them); unknown ids are new tests. */
async function replaceTests(tx: Transaction, lessonId: string, tests: readonly EditableTest[]) {
  const givenIds = tests.flatMap((t) => (t.id ? [t.id] : []));
  const existing = new Set(
    givenIds.length === 0
      ? []
      : (
          await tx
            .select({ id: exerciseTests.id })
            .from(exerciseTests)
            .where(and(eq(exerciseTests.lessonId, lessonId), inArray(exerciseTests.id, givenIds)))
        ).map((r) => r.id),
  );
  await tx
    .delete(exerciseTests)
    .where(
      existing.size === 0
        ? eq(exerciseTests.lessonId, lessonId)
        : and(eq(exerciseTests.lessonId, lessonId), notInArray(exerciseTests.id, [...existing])),
    );
  for (const [position, test] of tests.entries()) {
    const row = {
      position,
      sample: test.sample,
      points: test.points,
      input: test.input,
      expected: test.expected,
    };
    if (test.id && existing.has(test.id)) {
      await tx.update(exerciseTests).set(row).where(eq(exerciseTests.id, test.id));
    } else {
      await tx.insert(exerciseTests).values({ id: randomUUID(), lessonId, ...row });
    }
  }
}

/**
 * What zod cannot check alone: a function-style exercise names its function and writes its
 * tests as JSON; test ids are unique. Errors are keyed by path so the editor shows each in place.
 */
function assertValidExercise(input: SaveExerciseInput) {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), message];
  };
  if (input.settings.style === "function" && input.settings.functionName === "") {
    add("settings.functionName", "Name the function the tests call.");
  }
  const seen = new Set<string>();
  input.tests.forEach((test, index) => {
    if (test.id !== undefined) {
      if (seen.has(test.id)) add(`tests.${index}.id`, "Two tests have the same id.");
      seen.add(test.id);
    }
    if (input.settings.style === "function") {
      const problem = functionTestProblem(test);
      if (problem) add(`tests.${index}.${problem.field}`, problem.message);
    }
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError(
      "Some fields need fixing before the exercise can be saved.",
      fieldErrors,
    );
  }
}
