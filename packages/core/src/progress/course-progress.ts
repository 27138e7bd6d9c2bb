import {
  assignmentSubmissions,
  assignments,
  certificates,
  courseMilestones,
  courses,
  type Database,
  exerciseSubmissions,
  exercises,
  quizAttempts,
  quizzes,
} from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { certificateSummaryColumns, toCertificateSummary } from "../certificates";
import { findActiveEnrollment } from "../enrollment";
import type { SessionUser } from "../kernel";
import { MILESTONES } from "./milestones";
import { loadOutlines, summarizeOutline } from "./outline";
import type { CourseProgress, LessonState } from "./types";

/**
 * The signed-in learner's own progress in one course; null when they are not enrolled.
 * There is no way to ask for someone else's: the enrollment is looked up by the caller.
 */
export async function getCourseProgress({
  db,
  user,
  media,
  input,
}: {
  db: Database;
  user: SessionUser;
  media: MediaContext;
  input: { courseId: string };
}): Promise<CourseProgress | null> {
  const enrollment = await findActiveEnrollment(db, user.id, input.courseId);
  if (!enrollment) return null;

  const [outlines, attempts, milestoneRows, certificateRows] = await Promise.all([
    loadOutlines(db, [enrollment.id]),
    db
      .select({
        lessonId: quizAttempts.lessonId,
        best: max(quizAttempts.scorePercent),
        passed: sql<boolean>`bool_or(${quizAttempts.passed})`,
      })
      .from(quizAttempts)
      .where(eq(quizAttempts.enrollmentId, enrollment.id))
      .groupBy(quizAttempts.lessonId)
      .unionAll(
        db
          .select({
            lessonId: exerciseSubmissions.lessonId,
            best: max(exerciseSubmissions.scorePercent),
            passed: sql<boolean>`coalesce(bool_or(${exerciseSubmissions.passed}), false)`,
          })
          .from(exerciseSubmissions)
          .where(
            and(
              eq(exerciseSubmissions.enrollmentId, enrollment.id),
              eq(exerciseSubmissions.purpose, "submit"),
              eq(exerciseSubmissions.status, "graded"),
            ),
          )
          .groupBy(exerciseSubmissions.lessonId),
      )
      .unionAll(
        db
          .select({
            lessonId: assignmentSubmissions.lessonId,
            best: max(assignmentSubmissions.gradePercent),
            passed: sql<boolean>`coalesce(bool_or(${assignmentSubmissions.passed}), false)`,
          })
          .from(assignmentSubmissions)
          .where(
            and(
              eq(assignmentSubmissions.enrollmentId, enrollment.id),
              eq(assignmentSubmissions.status, "graded"),
            ),
          )
          .groupBy(assignmentSubmissions.lessonId),
      ),
    db
      .select({ percent: courseMilestones.percent })
      .from(courseMilestones)
      .where(eq(courseMilestones.enrollmentId, enrollment.id))
      .orderBy(asc(courseMilestones.percent)),
    db
      .select(certificateSummaryColumns)
      .from(certificates)
      .innerJoin(courses, eq(courses.id, certificates.courseId))
      .where(eq(certificates.enrollmentId, enrollment.id)),
  ]);
  const outline = outlines.get(enrollment.id) ?? [];
  const assessed = (kind: string) => outline.filter((l) => l.kind === kind).map((l) => l.lessonId);
  const [quizIds, exerciseIds, assignmentIds] = [
    assessed("quiz"),
    assessed("exercise"),
    assessed("assignment"),
  ];
  const required = [
    ...(quizIds.length
      ? await db
          .select({ lessonId: quizzes.lessonId })
          .from(quizzes)
          .where(and(inArray(quizzes.lessonId, quizIds), eq(quizzes.requiredForCertificate, true)))
      : []),
    ...(exerciseIds.length
      ? await db
          .select({ lessonId: exercises.lessonId })
          .from(exercises)
          .where(
            and(
              inArray(exercises.lessonId, exerciseIds),
              eq(exercises.requiredForCertificate, true),
            ),
          )
      : []),
    ...(assignmentIds.length
      ? await db
          .select({ lessonId: assignments.lessonId })
          .from(assignments)
          .where(
            and(
              inArray(assignments.lessonId, assignmentIds),
              eq(assignments.requiredForCertificate, true),
            ),
          )
      : []),
  ];
  const byLesson = new Map(attempts.map((a) => [a.lessonId, a]));
  const submissions = new Map(
    assignmentIds.length
      ? (
          await db
            .select({
              lessonId: assignmentSubmissions.lessonId,
              status: assignmentSubmissions.status,
            })
            .from(assignmentSubmissions)
            .where(
              and(
                eq(assignmentSubmissions.enrollmentId, enrollment.id),
                inArray(assignmentSubmissions.lessonId, assignmentIds),
              ),
            )
        ).map((r) => [r.lessonId, r.status])
      : [],
  );
  const lessons: LessonState[] = outline.map((l) => {
    const assessment = l.kind === "quiz" || l.kind === "exercise" || l.kind === "assignment";
    const quiz = assessment ? byLesson.get(l.lessonId) : undefined;
    return {
      lessonId: l.lessonId,
      completed: l.completedAt !== null,
      completedAt: l.completedAt?.toISOString() ?? null,
      watchedSeconds: l.watchedSeconds,
      positionSeconds: l.positionSeconds,
      bestPercent: quiz?.best ?? null,
      assessmentPassed: assessment ? (quiz?.passed ?? false) : null,
      assignmentStatus: submissions.get(l.lessonId) ?? null,
    };
  });
  const { lessonsCompleted: _, ...summary } = summarizeOutline(outline);
  const certificate = certificateRows[0];
  return {
    enrollmentId: enrollment.id,
    courseId: input.courseId,
    ...summary,
    assessmentsToPass: required.filter((q) => !byLesson.get(q.lessonId)?.passed).length,
    lessons,
    milestones: milestoneRows.flatMap((m) => MILESTONES.filter((x) => x === m.percent)),
    certificate: certificate ? toCertificateSummary(certificate, media.edgeUrl) : null,
  };
}
