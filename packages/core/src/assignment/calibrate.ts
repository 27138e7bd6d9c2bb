import {
  assignmentCalibrations,
  assignmentExamples,
  type Database,
  type RubricScore,
} from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";
import { openAssignmentAsLearner } from "./access";
import type { ScoresInput } from "./inputs";
import { loadAssignment } from "./load";
import { calibrationAccuracy, scoreByRubric } from "./rubric";

export interface CalibrationResult {
  exampleId: string;
  accuracy: number;
  mine: RubricScore[];
  instructor: RubricScore[];
}

/**
 * A learner grades one of the instructor's examples and sees how close they came. The first
 * grading of an example is the one recorded (a second answers with it), so accuracy cannot be
 * polished by retrying once the instructor's grade has been shown.
 */
export async function calibrate({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { exampleId: string; scores: ScoresInput };
}): Promise<CalibrationResult> {
  const [example] = await db
    .select()
    .from(assignmentExamples)
    .where(eq(assignmentExamples.id, input.exampleId));
  if (!example) throw new NotFoundError("We couldn't find that example.");
  const { enrollmentId, lessonId } = await openAssignmentAsLearner(db, user, example.lessonId);
  const { rubric } = await loadAssignment(db, lessonId);
  const mine = scoreByRubric(rubric, input.scores);
  const accuracy = calibrationAccuracy(rubric, mine, example.scores);
  await db
    .insert(assignmentCalibrations)
    .values({ exampleId: example.id, enrollmentId, lessonId, scores: mine, accuracy })
    .onConflictDoNothing();
  const [stored] = await db
    .select()
    .from(assignmentCalibrations)
    .where(
      and(
        eq(assignmentCalibrations.exampleId, example.id),
        eq(assignmentCalibrations.enrollmentId, enrollmentId),
      ),
    );
  return {
    exampleId: example.id,
    accuracy: stored?.accuracy ?? accuracy,
    mine: stored?.scores ?? mine,
    instructor: example.scores,
  };
}
