import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import type { ProgressEvent } from "@lumen/core/progress";
import {
  createCertificate,
  createCourseWithLessons,
  createEnrollment,
  createQuizAttempt,
  createUser,
  type LessonSpec,
  TEST_EDGE_URL,
} from "@lumen/core/testing";
import { certificates, courseInstructors, courses, enrollments, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";
import { progressEvent, startPlayback } from "../testing/progress";

let t: TestContext;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  instructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const record = (user: SessionUser, events: ProgressEvent[]) =>
  t.callerFor(user).progress.record({ events });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function issueCertificate(user: SessionUser, enrollmentId: string, courseId: string) {
  const certificate = await createCertificate(
    t.db,
    { id: enrollmentId, userId: user.id, courseId },
    {
      learnerName: user.name,
      courseTitle: "As certified",
      issuedAt: new Date("2025-06-01T12:00:00Z"),
    },
  );
  return certificate.id;
}

describe("progress.course", () => {
  it("is null for a learner who is not (or no longer) enrolled, even when others have progress", async () => {
    const learner = await createUser(t.db);
    const other = await createUser(t.db);
    const { course, lessonIds } = await createCourseWithLessons(t.db, instructor, [
      { kind: "text" },
    ]);
    const enrollmentId = (await createEnrollment(t.db, learner, course.id)).id;
    await record(learner, [progressEvent(enrollmentId, lessonIds[0] ?? "", { completed: true })]);
    expect(await t.callerFor(other).progress.course({ courseId: course.id })).toBeNull();
    await t.db
      .update(enrollments)
      .set({ unenrolledAt: new Date() })
      .where(eq(enrollments.id, enrollmentId));
    expect(await t.callerFor(learner).progress.course({ courseId: course.id })).toBeNull();
  });

  it("reports each lesson's state, quiz scores, milestones, and where to continue", async () => {
    const learner = await createUser(t.db);
    const specs: LessonSpec[] = [
      { kind: "text" },
      { kind: "video", videoSeconds: 100 },
      { kind: "quiz" },
      { kind: "text" },
    ];
    const { course, lessonIds } = await createCourseWithLessons(t.db, instructor, specs);
    const [intro = "", video = "", quiz = "", outro = ""] = lessonIds;
    const enrollmentId = (await createEnrollment(t.db, learner, course.id)).id;
    const view = () => t.callerFor(learner).progress.course({ courseId: course.id });

    const fresh = await view();
    expect(fresh).toMatchObject({ percent: 0, resumeLessonId: intro, lastActivityAt: null });

    await record(learner, [progressEvent(enrollmentId, intro, { completed: true })]);
    await sleep(5);
    await startPlayback(t, learner, video);
    t.elapse(40);
    await record(learner, [
      progressEvent(enrollmentId, video, { watched: [[0, 40]], positionSeconds: 42 }),
    ]);
    await createQuizAttempt(t.db, { enrollmentId, lessonId: quiz, passed: false });
    const midway = await view();
    expect(midway).toMatchObject({
      enrollmentId,
      courseId: course.id,
      percent: 25,
      completedRequired: 1,
      requiredLessons: 4,
      assessmentsToPass: 1,
      milestones: [25],
      // The video was left unfinished: continue there.
      resumeLessonId: video,
      certificate: null,
    });
    expect(midway?.lessons).toEqual([
      expect.objectContaining({ lessonId: intro, completed: true, assessmentPassed: null }),
      expect.objectContaining({
        lessonId: video,
        completed: false,
        watchedSeconds: 40,
        positionSeconds: 42,
        bestPercent: null,
      }),
      expect.objectContaining({ lessonId: quiz, bestPercent: 30, assessmentPassed: false }),
      expect.objectContaining({ lessonId: outro, completed: false }),
    ]);
    expect(midway?.lastActivityAt).not.toBeNull();

    await sleep(5);
    await record(learner, [progressEvent(enrollmentId, outro, { completed: true })]);
    // Nothing unfinished after the last lesson touched: back to the first unfinished one.
    expect((await view())?.resumeLessonId).toBe(video);
  });

  it("includes the enrollment's certificate with its public verification link", async () => {
    const learner = await createUser(t.db);
    const { course } = await createCourseWithLessons(t.db, instructor, [{ kind: "text" }]);
    const enrollmentId = (await createEnrollment(t.db, learner, course.id)).id;
    const id = await issueCertificate(learner, enrollmentId, course.id);
    const view = () => t.callerFor(learner).progress.course({ courseId: course.id });
    expect((await view())?.certificate).toEqual({
      id,
      courseId: course.id,
      courseSlug: course.slug,
      courseTitle: "As certified",
      learnerName: learner.name,
      issuedAt: "2025-06-01T12:00:00.000Z",
      verifyUrl: `${TEST_EDGE_URL}/certificates/${id}`,
      pdfUrl: null,
      revokedAt: null,
      revokedReason: null,
    });
    await t.db
      .update(certificates)
      .set({ pdfPath: `certificates/${id}.pdf` })
      .where(eq(certificates.id, id));
    expect((await view())?.certificate?.pdfUrl).toBe(`/api/certificates/${id}/pdf`);
  });
});

describe("progress.mine", () => {
  it("lists active enrollments, most recently active first, with the overall figures", async () => {
    const learner = await createUser(t.db);
    const a = await createCourseWithLessons(t.db, instructor, [{ kind: "text" }, { kind: "text" }]);
    const b = await createCourseWithLessons(t.db, instructor, [{ kind: "text" }]);
    const c = await createCourseWithLessons(t.db, instructor, [{ kind: "text" }]);
    const ea = (await createEnrollment(t.db, learner, a.course.id)).id;
    const eb = (await createEnrollment(t.db, learner, b.course.id)).id;
    const ec = (await createEnrollment(t.db, learner, c.course.id)).id;
    await t.db.update(enrollments).set({ unenrolledAt: new Date() }).where(eq(enrollments.id, ec));
    await record(learner, [progressEvent(eb, b.lessonIds[0] ?? "", { completed: true })]);
    await sleep(5);
    await record(learner, [progressEvent(ea, a.lessonIds[0] ?? "", { completed: true })]);
    const mine = await t.callerFor(learner).progress.mine();
    expect(mine.overall).toEqual({
      courses: 2,
      completedCourses: 1,
      lessonsCompleted: 2,
      percent: 75,
    });
    expect(mine.courses.map((x) => [x.enrollmentId, x.percent, x.resumeLessonId])).toEqual([
      [ea, 50, a.lessonIds[1]],
      [eb, 100, null],
    ]);
    expect(mine.courses[0]).toMatchObject({ slug: a.course.slug, certificateId: null });
  });
});

describe("progress.courseLearners", () => {
  let owner: SessionUser;
  let courseId: string;
  let learners: SessionUser[];

  beforeAll(async () => {
    owner = await createUser(t.db, "instructor");
    const built = await createCourseWithLessons(t.db, owner, [
      { kind: "text" },
      { kind: "text" },
      { kind: "quiz", isOptional: true },
    ]);
    courseId = built.course.id;
    learners = [];
    for (const [i, name] of ["Ada Lovelace", "Alan Turing", "Grace Hopper"].entries()) {
      const learner = await createUser(t.db);
      await t.db.update(users).set({ name }).where(eq(users.id, learner.id));
      const enrollmentId = (await createEnrollment(t.db, learner, courseId)).id;
      const done = built.lessonIds.slice(0, i);
      if (done.length) {
        await record(
          learner,
          done.map((id) => progressEvent(enrollmentId, id, { completed: true })),
        );
      }
      if (i === 2) {
        await createQuizAttempt(t.db, {
          enrollmentId,
          lessonId: built.lessonIds[2] ?? "",
          passed: true,
        });
        await issueCertificate(learner, enrollmentId, courseId);
      }
      learners.push({ ...learner, name });
    }
  });

  it("lists the course's learners with their progress, for its instructor", async () => {
    const page = await t.callerFor(owner).progress.courseLearners({ courseId });
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 25, requiredLessons: 2 });
    expect(page.distribution).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    const byName = Object.fromEntries(page.learners.map((l) => [l.name, l]));
    expect(byName["Ada Lovelace"]).toMatchObject({
      percent: 0,
      completedRequired: 0,
      certificate: null,
    });
    expect(byName["Alan Turing"]).toMatchObject({ percent: 50, completedRequired: 1 });
    expect(byName["Grace Hopper"]).toMatchObject({
      percent: 100,
      quizzesPassed: 1,
      certificate: { revokedAt: null },
    });
    expect(byName["Grace Hopper"]?.lastActivityAt).not.toBeNull();
  });

  it("filters by name or email and pages", async () => {
    const caller = t.callerFor(owner);
    const filtered = await caller.progress.courseLearners({ courseId, query: "hopper" });
    expect(filtered.learners.map((l) => l.name)).toEqual(["Grace Hopper"]);
    expect(filtered.total).toBe(1);
    const byEmail = await caller.progress.courseLearners({
      courseId,
      query: learners[0]?.email.slice(0, 12) ?? "",
    });
    expect(byEmail.learners.map((l) => l.name)).toEqual(["Ada Lovelace"]);
    const first = await caller.progress.courseLearners({ courseId, pageSize: 2 });
    const second = await caller.progress.courseLearners({ courseId, pageSize: 2, page: 2 });
    expect(first.learners).toHaveLength(2);
    expect(second.learners).toHaveLength(1);
    const names = [...first.learners, ...second.learners].map((l) => l.name).sort();
    expect(names).toEqual(["Ada Lovelace", "Alan Turing", "Grace Hopper"]);
  });

  it("is open to a co-instructor and an admin, refused to other instructors and learners", async () => {
    const coInstructor = await createUser(t.db, "instructor");
    await t.db.insert(courseInstructors).values({ courseId, userId: coInstructor.id });
    const admin = await createUser(t.db, "admin");
    const otherInstructor = await createUser(t.db, "instructor");
    const ask = (user: SessionUser) =>
      t
        .callerFor(user)
        .progress.courseLearners({ courseId })
        .then((r) => `ok ${r.total}`);
    expect(await ask(coInstructor)).toBe("ok 3");
    expect(await ask(admin)).toBe("ok 3");
    expect(await codeOf(ask(otherInstructor))).toBe("FORBIDDEN");
    expect(await codeOf(ask(learners[2] ?? owner))).toBe("FORBIDDEN");
    await t.db.update(courses).set({ status: "draft" }).where(eq(courses.id, courseId));
    expect(await codeOf(ask(otherInstructor))).toBe("NOT_FOUND");
    expect(
      await codeOf(t.callerFor(owner).progress.courseLearners({ courseId: randomUUID() })),
    ).toBe("NOT_FOUND");
    await t.db.update(courses).set({ status: "published" }).where(eq(courses.id, courseId));
  });
});
