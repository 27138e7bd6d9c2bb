import { randomUUID } from "node:crypto";
import type { RubricCriterion } from "@lumen/db";
import { addLessonOfKind, createCourse, createEnrollment, createUser } from "@lumen/db/testing";
import type { AssignmentSettingsInput, SaveAssignmentInput, ScoresInput } from "../assignment";
import { saveAssignment, submitWork } from "../assignment";
import type { SessionUser } from "../kernel";
import type { TestWorld } from "./world";

/** Two criteria, levels worth 0, 2 and 4 (argument) and 0, 1, 2, 3 (clarity, comment required). */
export function essayRubric(): RubricCriterion[] {
  const level = (label: string, points: number) => ({
    id: randomUUID(),
    label,
    description: `${label} work`,
    points,
  });
  return [
    {
      id: randomUUID(),
      title: "Argument",
      description: "Is the claim supported?",
      commentRequired: false,
      levels: [level("Missing", 0), level("Partial", 2), level("Convincing", 4)],
    },
    {
      id: randomUUID(),
      title: "Clarity",
      description: "Can a reader follow it?",
      commentRequired: true,
      levels: [level("Unclear", 0), level("Rough", 1), level("Clear", 2), level("Crisp", 3)],
    },
  ];
}

/** A grade of `rubric` choosing, per criterion, the level worth these points (a comment each). */
export function scoresFor(
  rubric: readonly RubricCriterion[],
  points: readonly number[],
): ScoresInput {
  return rubric.map((criterion, i) => {
    const level = criterion.levels.find((l) => l.points === points[i]);
    if (!level) throw new Error(`criterion ${criterion.title} has no level worth ${points[i]}`);
    return {
      criterionId: criterion.id,
      levelId: level.id,
      comment: `${criterion.title}: ${points[i]}`,
    };
  });
}

export const ASSIGNMENT_SETTINGS: AssignmentSettingsInput = {
  allowAttachments: true,
  reviewsToGive: 3,
  reviewsNeeded: 3,
  dueAt: null,
  reviewWindowHours: 7 * 24,
  reviewsCloseAt: null,
  leaseMinutes: 8 * 60,
  fallback: "grade_available",
  weightByCalibration: false,
  passingPercent: 50,
  requiredForCertificate: true,
};

/** The save input of an essay assignment on `lessonId`. */
export function essayAssignment(
  lessonId: string,
  settings: Partial<AssignmentSettingsInput> = {},
  rubric: RubricCriterion[] = essayRubric(),
): SaveAssignmentInput {
  const merged = { ...ASSIGNMENT_SETTINGS, ...settings };
  return {
    lessonId,
    rubric,
    examples: [],
    settings: {
      ...merged,
      dueAt: merged.dueAt ? new Date(merged.dueAt) : null,
      reviewsCloseAt: merged.reviewsCloseAt ? new Date(merged.reviewsCloseAt) : null,
    },
  };
}

/**
 * A published course with one essay assignment (saved by its instructor through the domain)
 * and `learners` enrolled learners, who have each submitted when `submitted` is set.
 */
export async function createPeerAssignment(
  world: Pick<TestWorld, "db" | "outbox">,
  {
    learners = 4,
    submitted = true,
    settings = {},
    now = new Date(),
  }: {
    learners?: number;
    submitted?: boolean;
    settings?: Partial<AssignmentSettingsInput>;
    now?: Date;
  } = {},
) {
  const { db, outbox } = world;
  const instructor: SessionUser = await createUser(db, "instructor");
  const course = await createCourse(db, instructor);
  const lesson = await addLessonOfKind(db, course.id, "assignment", { body: "Argue a claim." });
  const assignment = await saveAssignment({
    db,
    outbox,
    user: instructor,
    input: essayAssignment(lesson.id, settings),
  });
  const cohort: Array<{ user: SessionUser; enrollmentId: string; submissionId: string | null }> =
    [];
  for (let i = 0; i < learners; i++) {
    const user: SessionUser = await createUser(db, "learner", { name: `Learner ${i + 1}` });
    const enrollment = await createEnrollment(db, user, course.id);
    const submission = submitted
      ? await submitWork({
          db,
          outbox,
          user,
          input: { lessonId: lesson.id, body: `Essay by learner ${i + 1}.` },
          now: new Date(now.getTime() + i * 1000),
        })
      : null;
    cohort.push({
      user,
      enrollmentId: enrollment.id,
      submissionId: submission?.submissionId ?? null,
    });
  }
  return { instructor, courseId: course.id, lessonId: lesson.id, assignment, learners: cohort };
}

/** One more learner enrolled in the assignment's course, who submits at `submitAt` (if given). */
export async function joinPeerAssignment(
  world: Pick<TestWorld, "db" | "outbox">,
  {
    courseId,
    lessonId,
    name,
    submitAt,
  }: { courseId: string; lessonId: string; name?: string; submitAt?: Date },
) {
  const { db, outbox } = world;
  const user: SessionUser = await createUser(db, "learner", name ? { name } : {});
  const enrollment = await createEnrollment(db, user, courseId);
  const submission = submitAt
    ? await submitWork({
        db,
        outbox,
        user,
        input: { lessonId, body: `Essay by ${user.id}.` },
        now: submitAt,
      })
    : null;
  return { user, enrollmentId: enrollment.id, submissionId: submission?.submissionId ?? null };
}

/**
 * An assignment where, from `openAt`, exactly one submission (the author's) is open for
 * review and every other learner may review it: the others submitted at `now` with a one-hour
 * review window, the author half an hour later, so between now + 1 h and now + 1 h 30 min the
 * author's is the only submission whose window is still open. Leases last 10 minutes unless
 * `settings` says otherwise.
 */
export async function createFocusedReview(
  world: Pick<TestWorld, "db" | "outbox">,
  {
    reviewers,
    settings = {},
    now = new Date(),
  }: { reviewers: number; settings?: Partial<AssignmentSettingsInput>; now?: Date },
) {
  const peer = await createPeerAssignment(world, {
    learners: reviewers,
    settings: { reviewWindowHours: 1, leaseMinutes: 10, ...settings },
    now,
  });
  const author = await joinPeerAssignment(world, {
    courseId: peer.courseId,
    lessonId: peer.lessonId,
    name: "The Author",
    submitAt: new Date(now.getTime() + 30 * 60_000),
  });
  const openAt = new Date(now.getTime() + 61 * 60_000);
  return { ...peer, reviewers: peer.learners, author, openAt };
}
