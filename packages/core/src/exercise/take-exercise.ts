import { type Database, exerciseDrafts, lessons } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import { openExerciseLesson } from "./access";
import {
  attemptStanding,
  languageOf,
  loadExercise,
  loadOwnSubmissions,
  loadTests,
  toSubmissionView,
} from "./load";
import type { LearnerExercise } from "./types";
import { gradingUnavailableReason } from "./waiting";

/**
 * The exercise as a learner opens it: prompt, starter code, sample tests with their input and
 * expected output, and of the hidden tests only how many and their points (their input and
 * expected output are not even selected into this object). With the learner's saved draft,
 * own submissions and standing. Editors previewing get the same view with no enrollment.
 */
export async function takeExercise({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<LearnerExercise> {
  const { lessonId, enrollmentId } = await openExerciseLesson(db, user, input.lessonId);
  const [stored, tests, [lesson], [draft], submissions] = await Promise.all([
    loadExercise(db, lessonId),
    loadTests(db, lessonId),
    db.select({ body: lessons.body }).from(lessons).where(eq(lessons.id, lessonId)),
    db
      .select({ code: exerciseDrafts.code })
      .from(exerciseDrafts)
      .where(and(eq(exerciseDrafts.userId, user.id), eq(exerciseDrafts.lessonId, lessonId))),
    loadOwnSubmissions(db, user.id, lessonId),
  ]);
  const { settings } = stored;
  const standing = enrollmentId
    ? await attemptStanding(db, enrollmentId, lessonId, settings.maxAttempts)
    : { attemptsUsed: 0, attemptsLeft: settings.maxAttempts, bestPercent: null, passed: false };
  const waiting = submissions.some((s) => s.status !== "graded")
    ? await gradingUnavailableReason(db, "learner")
    : null;
  const hidden = tests.filter((t) => !t.sample);
  return {
    lessonId,
    prompt: lesson?.body ?? "",
    language: languageOf(settings.language),
    style: settings.style,
    functionName: settings.functionName,
    timeLimitMs: settings.timeLimitMs,
    memoryMb: settings.memoryMb,
    passingPercent: settings.passingPercent,
    maxAttempts: settings.maxAttempts,
    requiredForCertificate: settings.requiredForCertificate,
    starterCode: stored.starterCode,
    draft: draft?.code ?? null,
    samples: tests.flatMap((t, position) =>
      t.sample
        ? [{ testId: t.id, position, points: t.points, input: t.input, expected: t.expected }]
        : [],
    ),
    hiddenTests: { count: hidden.length, points: hidden.reduce((sum, t) => sum + t.points, 0) },
    maxPoints: tests.reduce((sum, t) => sum + t.points, 0),
    submissions: submissions
      .filter((s) => s.purpose !== "reference")
      .map((s) => toSubmissionView(s, waiting)),
    ...standing,
    enrollmentId,
    ready: tests.length > 0,
  };
}
