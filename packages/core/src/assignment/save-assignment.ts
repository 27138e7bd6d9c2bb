import {
  assignmentExamples,
  assignmentSubmissions,
  assignments,
  type Database,
  type RubricCriterion,
} from "@lumen/db";
import { closeReviewJob, type Outbox } from "@lumen/jobs";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { lockLesson } from "../access";
import { touchCourse } from "../authoring";
import { type SessionUser, type Transaction, ValidationError } from "../kernel";
import { assertAssignmentLesson } from "./access";
import { readEditableAssignment } from "./get-assignment";
import type { SaveAssignmentInput } from "./inputs";
import { loadAssignment, reviewDeadlineOf } from "./load";
import { scoreByRubric } from "./rubric";
import { secondsUntil } from "./submit-work";
import type { EditableAssignment } from "./types";

/**
 * Replaces an assignment's settings, rubric and calibration examples in one transaction under
 * the course lock. Once reviews exist, the rubric's structure (criteria, levels and their
 * points) is fixed — reviews and grades refer to it — though its wording may change. When the
 * review window moves, open submissions get their new deadline (and a job to close it then).
 */
export async function saveAssignment({
  db,
  user,
  outbox,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SaveAssignmentInput;
  now?: Date;
}): Promise<EditableAssignment> {
  assertValidAssignment(input);
  return db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, user, input.lessonId);
    assertAssignmentLesson(lesson);
    const before = await loadAssignment(tx, lesson.id);
    const editable = await readEditableAssignment(tx, lesson.id);
    if (editable.rubricLocked && structureOf(before.rubric) !== structureOf(input.rubric)) {
      const message =
        "Reviews have started, so the rubric's criteria, levels and points can no longer change. You can still reword them.";
      throw new ValidationError(message, { rubric: [message] });
    }
    const row = { ...input.settings, rubric: input.rubric, updatedAt: now };
    await tx
      .insert(assignments)
      .values({ lessonId: lesson.id, ...row })
      .onConflictDoUpdate({ target: assignments.lessonId, set: row });
    await replaceExamples(tx, lesson.id, input);
    const s = before.settings;
    const windowMoved =
      s.reviewWindowHours !== input.settings.reviewWindowHours ||
      s.reviewsCloseAt?.getTime() !== input.settings.reviewsCloseAt?.getTime();
    if (before.configured && windowMoved) await moveDeadlines(tx, outbox, lesson.id, input, now);
    await touchCourse(tx, outbox, course.id);
    return readEditableAssignment(tx, lesson.id);
  });
}

function assertValidAssignment(input: SaveAssignmentInput) {
  const errors: Record<string, string[]> = {};
  const ids = input.rubric.flatMap((c) => [c.id, ...c.levels.map((l) => l.id)]);
  if (new Set(ids).size !== ids.length) errors.rubric = ["Criteria and levels need distinct ids."];
  const { settings } = input;
  if (settings.dueAt && settings.reviewsCloseAt && settings.reviewsCloseAt <= settings.dueAt) {
    errors["settings.reviewsCloseAt"] = ["Reviews must close after submissions are due."];
  }
  input.examples.forEach((example, i) => {
    try {
      scoreByRubric(input.rubric, example.scores);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors[`examples.${i}`] = [`Example ${i + 1}: ${error.message}`];
    }
  });
  const first = Object.values(errors)[0]?.[0];
  if (first) throw new ValidationError(first, errors);
}

/** What reviews depend on: criteria and levels by id, with points. Wording is left out. */
function structureOf(rubric: readonly RubricCriterion[]) {
  return JSON.stringify(rubric.map((c) => [c.id, c.levels.map((l) => [l.id, l.points])]));
}

async function replaceExamples(tx: Transaction, lessonId: string, input: SaveAssignmentInput) {
  const keep = input.examples.flatMap((e) => (e.id ? [e.id] : []));
  await tx
    .delete(assignmentExamples)
    .where(
      keep.length
        ? and(eq(assignmentExamples.lessonId, lessonId), notInArray(assignmentExamples.id, keep))
        : eq(assignmentExamples.lessonId, lessonId),
    );
  for (const [position, example] of input.examples.entries()) {
    const scores = scoreByRubric(input.rubric, example.scores);
    const values = { lessonId, position, body: example.body, scores };
    if (example.id) {
      const [updated] = await tx
        .update(assignmentExamples)
        .set(values)
        .where(
          and(eq(assignmentExamples.id, example.id), eq(assignmentExamples.lessonId, lessonId)),
        )
        .returning({ id: assignmentExamples.id });
      if (updated) continue;
    }
    await tx.insert(assignmentExamples).values(values);
  }
}

async function moveDeadlines(
  tx: Transaction,
  outbox: Outbox,
  lessonId: string,
  input: SaveAssignmentInput,
  now: Date,
) {
  const open = await tx
    .select({ id: assignmentSubmissions.id, submittedAt: assignmentSubmissions.submittedAt })
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, lessonId),
        inArray(assignmentSubmissions.status, ["submitted", "in_review"]),
      ),
    );
  for (const submission of open) {
    const deadline = reviewDeadlineOf(input.settings, submission.submittedAt);
    await tx
      .update(assignmentSubmissions)
      .set({ reviewDeadline: deadline })
      .where(eq(assignmentSubmissions.id, submission.id));
    // The job queued at submit comes back for a later deadline by itself; an earlier one
    // needs a job of its own.
    await outbox.enqueue(
      tx,
      closeReviewJob,
      { submissionId: submission.id },
      { startAfter: secondsUntil(deadline, now) },
    );
  }
}
