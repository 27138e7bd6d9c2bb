import { getEnrollmentStanding } from "@lumen/core/enrollment";
import type { SessionUser } from "@lumen/core/kernel";
import { createProgressIngest, markLessonsCompleted } from "@lumen/core/progress";
import {
  appendLessons,
  createQuizAttempt,
  createUser,
  enrolledLearner,
  type LessonSpec,
} from "@lumen/core/testing";
import { courseMilestones, enrollments, lessons, notifications } from "@lumen/db";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";
import { jobsFor, progressEvent, startPlayback } from "../testing/progress";

let t: TestContext;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  instructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const learnerIn = (specs: readonly LessonSpec[]) => enrolledLearner(t.db, instructor, specs);

/** Explicitly completes these (text) lessons through the router. */
const complete = (user: SessionUser, enrollmentId: string, lessonIds: readonly string[]) =>
  t.callerFor(user).progress.record({
    events: lessonIds.map((id) => progressEvent(enrollmentId, id, { completed: true })),
  });

const percentOf = async (user: SessionUser, courseId: string) =>
  (await t.callerFor(user).progress.course({ courseId }))?.percent;

const text = (n: number, extra: Partial<LessonSpec> = {}): LessonSpec[] =>
  Array.from({ length: n }, () => ({ kind: "text", ...extra }));

describe("course completion percent", () => {
  it("drops when lessons are added after progress, rises when lessons are removed, never above 100", async () => {
    const { learner, course, lessonIds, enrollmentId } = await learnerIn(text(4));
    await complete(learner, enrollmentId, lessonIds.slice(0, 2));
    expect(await percentOf(learner, course.id)).toBe(50);
    const added = await appendLessons(t.db, course.id, instructor, text(4));
    expect(await percentOf(learner, course.id)).toBe(25);
    // Completing a lesson twice (resent with new ids) still counts it once.
    await complete(learner, enrollmentId, lessonIds.slice(0, 2));
    expect(await getEnrollmentStanding(t.db, enrollmentId)).toMatchObject({
      completedRequired: 2,
      requiredLessons: 8,
      percent: 25,
    });
    await t.db.delete(lessons).where(inArray(lessons.id, [...lessonIds.slice(2), ...added]));
    expect(await percentOf(learner, course.id)).toBe(100);
    expect(await getEnrollmentStanding(t.db, enrollmentId)).toMatchObject({
      completedRequired: 2,
      requiredLessons: 2,
      percent: 100,
    });
  });

  it("floors: one of three required lessons is 33 %", async () => {
    const { learner, course, lessonIds, enrollmentId } = await learnerIn(text(3));
    const result = await complete(learner, enrollmentId, lessonIds.slice(0, 1));
    expect(result.courses[0]).toMatchObject({ percent: 33, newMilestones: [25] });
    expect(await percentOf(learner, course.id)).toBe(33);
  });

  it("does not count optional lessons, and a course with none required stays at 0 %", async () => {
    const { learner, course, lessonIds, enrollmentId } = await learnerIn([
      { kind: "text" },
      { kind: "text", isOptional: true },
    ]);
    await complete(learner, enrollmentId, [lessonIds[1] ?? ""]);
    expect(await percentOf(learner, course.id)).toBe(0);
    await complete(learner, enrollmentId, [lessonIds[0] ?? ""]);
    expect(await percentOf(learner, course.id)).toBe(100);

    const onlyOptional = await learnerIn(text(2, { isOptional: true }));
    const result = await complete(
      onlyOptional.learner,
      onlyOptional.enrollmentId,
      onlyOptional.lessonIds,
    );
    expect(result.courses[0]).toMatchObject({ percent: 0, requiredLessons: 0, newMilestones: [] });
  });
});

describe("milestones", () => {
  it("records each milestone exactly once, with one notification, when 10 batches race", async () => {
    const { learner, course, lessonIds, enrollmentId } = await learnerIn(text(4));
    // Ten ingests stand in for ten API processes: ten transactions really in flight at once.
    const ingests = Array.from({ length: 10 }, () =>
      createProgressIngest({ db: t.db, outbox: t.outbox }),
    );
    const results = await Promise.all(
      ingests.map((ingest, k) =>
        ingest.record(learner, [
          progressEvent(enrollmentId, lessonIds[k % 4] ?? "", { completed: true }),
          progressEvent(enrollmentId, lessonIds[(k + 1) % 4] ?? "", { completed: true }),
        ]),
      ),
    );
    await Promise.all(ingests.map((i) => i.close()));
    const milestones = await t.db
      .select({ percent: courseMilestones.percent })
      .from(courseMilestones)
      .where(eq(courseMilestones.enrollmentId, enrollmentId))
      .orderBy(asc(courseMilestones.percent));
    expect(milestones.map((m) => m.percent)).toEqual([25, 50, 75, 100]);
    const reported = results.flatMap((r) => r.courses.flatMap((c) => c.newMilestones));
    expect(reported.sort((a, b) => a - b)).toEqual([25, 50, 75, 100]);
    const notes = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, learner.id))
      .orderBy(asc(notifications.dedupeKey));
    expect(notes.map((n) => n.dedupeKey)).toEqual(
      [100, 25, 50, 75].map((p) => `milestone:${enrollmentId}:${p}`),
    );
    expect(notes.find((n) => n.dedupeKey.endsWith(":50"))).toMatchObject({
      kind: "milestone",
      title: `You're 50% through ${course.title}`,
      link: `/courses/${course.slug}/learn`,
      readAt: null,
    });
    expect(notes.find((n) => n.dedupeKey.endsWith(":100"))?.title).toBe(
      `You finished ${course.title}`,
    );
  });
});

describe("certificate eligibility at 100 %", () => {
  /** Two required lessons and a quiz that is optional for the percent but required to certify. */
  const specs: LessonSpec[] = [
    { kind: "video", videoSeconds: 60 },
    { kind: "text" },
    { kind: "quiz", isOptional: true, requiredForCertificate: true },
  ];
  /** Watches the whole video (a minute of playback) and completes the text lesson. */
  const finish = async (user: SessionUser, enrollmentId: string, lessonIds: readonly string[]) => {
    await startPlayback(t, user, lessonIds[0] ?? "");
    t.elapse(60);
    return t.callerFor(user).progress.record({
      events: [
        progressEvent(enrollmentId, lessonIds[0] ?? "", { watched: [[0, 60]] }),
        progressEvent(enrollmentId, lessonIds[1] ?? "", { completed: true }),
      ],
    });
  };

  it("enqueues no certificate while a required quiz is not passed, and one once it is", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn(specs);
    const quizLessonId = lessonIds[2] ?? "";
    await createQuizAttempt(t.db, { enrollmentId, lessonId: quizLessonId, passed: false });
    const result = await finish(learner, enrollmentId, lessonIds);
    expect(result.courses[0]).toMatchObject({ percent: 100, newMilestones: [25, 50, 75, 100] });
    expect(await jobsFor(t.db, "certificates.issue", enrollmentId)).toBe(0);
    expect(await getEnrollmentStanding(t.db, enrollmentId)).toMatchObject({
      percent: 100,
      assessmentsToPass: 1,
      eligibleForCertificate: false,
    });
    const [row] = await t.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId));
    expect(row?.completedAt).toBeInstanceOf(Date);

    // The quiz service, on a passing attempt, completes the lesson in its own transaction.
    await createQuizAttempt(t.db, {
      enrollmentId,
      lessonId: quizLessonId,
      passed: true,
      attemptNumber: 2,
    });
    const settled = await t.db.transaction((tx) =>
      markLessonsCompleted(tx, t.outbox, [{ enrollmentId, lessonId: quizLessonId }]),
    );
    expect(settled).toEqual([
      expect.objectContaining({ enrollmentId, percent: 100, newMilestones: [] }),
    ]);
    expect(await jobsFor(t.db, "certificates.issue", enrollmentId)).toBe(1);
    expect((await getEnrollmentStanding(t.db, enrollmentId))?.eligibleForCertificate).toBe(true);
  });

  it("enqueues exactly one certificate job when 100 % is reached with the quiz already passed", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn(specs);
    await createQuizAttempt(t.db, { enrollmentId, lessonId: lessonIds[2] ?? "", passed: true });
    await finish(learner, enrollmentId, lessonIds);
    await finish(learner, enrollmentId, lessonIds);
    expect(await jobsFor(t.db, "certificates.issue", enrollmentId)).toBe(1);
  });

  it("completes a required quiz lesson only through markLessonsCompleted, once", async () => {
    const { learner, course, lessonIds, enrollmentId } = await learnerIn([
      { kind: "text" },
      { kind: "quiz" },
    ]);
    await complete(learner, enrollmentId, lessonIds);
    expect(await percentOf(learner, course.id)).toBe(50);
    await createQuizAttempt(t.db, { enrollmentId, lessonId: lessonIds[1] ?? "", passed: true });
    const items = [{ enrollmentId, lessonId: lessonIds[1] ?? "" }];
    const first = await t.db.transaction((tx) => markLessonsCompleted(tx, t.outbox, items));
    expect(first[0]).toMatchObject({ percent: 100, newMilestones: [75, 100] });
    const again = await t.db.transaction((tx) => markLessonsCompleted(tx, t.outbox, items));
    expect(again[0]).toMatchObject({ percent: 100, newMilestones: [] });
    expect(await jobsFor(t.db, "certificates.issue", enrollmentId)).toBe(1);
  });
});
