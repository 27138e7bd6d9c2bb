import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import { exerciseSubmissions } from "../schema";

/**
 * A learner's graded attempt at an exercise lesson as the grader leaves it (`passed`, or a
 * compile error, or per-test `verdicts`); `graded: false` leaves it queued.
 */
export async function createExerciseSubmission(
  db: Database,
  o: {
    lessonId: string;
    userId: string;
    enrollmentId: string;
    attemptNumber: number;
    graded?: boolean;
    passed?: boolean;
    compileError?: string;
    verdicts?: string[];
  },
) {
  const graded = o.graded ?? true;
  const verdicts = o.verdicts ?? (o.passed ? ["AC"] : ["WA"]);
  await db.insert(exerciseSubmissions).values({
    id: randomUUID(),
    lessonId: o.lessonId,
    userId: o.userId,
    enrollmentId: o.enrollmentId,
    purpose: "submit",
    attemptNumber: o.attemptNumber,
    exerciseVersion: 1,
    language: "python",
    code: "print(1)\n",
    status: graded ? "graded" : "queued",
    ...(graded
      ? {
          passed: o.passed ?? false,
          scorePercent: o.passed ? 100 : 0,
          compileError: o.compileError ?? null,
          results: verdicts.map((verdict, position) => ({ id: randomUUID(), verdict, position })),
          gradedAt: new Date(),
        }
      : {}),
  });
}
