import { setCourseCover } from "@lumen/core/authoring";
import type { SessionUser } from "@lumen/core/kernel";
import { createUser, png } from "@lumen/core/testing";
import { courseInstructors } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltCourse, buildCourse, codeOf, courseState } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let coInstructor: SessionUser;
let otherInstructor: SessionUser;
let learner: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  coInstructor = await createUser(t.db, "instructor");
  otherInstructor = await createUser(t.db, "instructor");
  learner = await createUser(t.db, "learner");
  admin = await createUser(t.db, "admin");
});
afterAll(() => t.close());

type Mutation = (user: SessionUser, c: BuiltCourse) => Promise<unknown>;
const api = (user: SessionUser) => t.callerFor(user).authoring;

/** Every authoring mutation, as each caller would issue it against a built course. */
const MUTATIONS: Record<string, Mutation> = {
  updateCourse: (u, c) =>
    api(u).updateCourse({ courseId: c.courseId, expectedUpdatedAt: c.updatedAt, title: "Mine" }),
  addModule: (u, c) => api(u).addModule({ courseId: c.courseId, title: "Extra" }),
  renameModule: (u, c) => api(u).renameModule({ moduleId: c.moduleIds[0] ?? "", title: "X" }),
  deleteModule: (u, c) => api(u).deleteModule({ moduleId: c.moduleIds[1] ?? "" }),
  reorderModules: (u, c) =>
    api(u).reorderModules({ courseId: c.courseId, moduleIds: [...c.moduleIds].reverse() }),
  addLesson: (u, c) =>
    api(u).addLesson({ moduleId: c.moduleIds[0] ?? "", title: "Extra", kind: "video" }),
  updateLesson: (u, c) => api(u).updateLesson({ lessonId: c.lessonIds[0] ?? "", body: "pwned" }),
  deleteLesson: (u, c) => api(u).deleteLesson({ lessonId: c.lessonIds[0] ?? "" }),
  reorderLessons: (u, c) =>
    api(u).reorderLessons({
      moduleId: c.moduleIds[0] ?? "",
      lessonIds: c.lessonIds.slice(0, 2).reverse(),
    }),
  moveLesson: (u, c) =>
    api(u).moveLesson({
      lessonId: c.lessonIds[0] ?? "",
      toModuleId: c.moduleIds[1] ?? "",
      position: 0,
    }),
  publish: (u, c) => api(u).publish({ courseId: c.courseId }),
  unpublish: (u, c) => api(u).unpublish({ courseId: c.courseId }),
  // Not a procedure: the upload route calls the service, so the service itself must refuse.
  setCourseCover: (u, c) =>
    setCourseCover({ db: t.db, outbox: t.outbox, user: u, courseId: c.courseId, bytes: png(2, 2) }),
};
const DIRECT_SERVICE = new Set(["setCourseCover"]);

async function courseIn(status: "draft" | "published") {
  const course = await buildCourse(t, owner);
  await t.db
    .insert(courseInstructors)
    .values({ courseId: course.courseId, userId: coInstructor.id });
  if (status === "published") await api(owner).publish({ courseId: course.courseId });
  const { updatedAt } = await api(owner).getCourse({ courseId: course.courseId });
  return { ...course, updatedAt };
}

/** Calls that are allowed no-ops when the course is already in the state they lead to. */
const NO_OP_WHEN: Record<string, "draft" | "published"> = {
  publish: "published",
  unpublish: "draft",
};

/** An allowed call succeeds and writes its change (or, for a no-op, reports the state it kept). */
async function expectAllowed(
  name: string,
  call: Promise<unknown>,
  course: BuiltCourse,
  before: Awaited<ReturnType<typeof courseState>>,
) {
  const result = await call;
  const after = await courseState(t.db, course.courseId);
  if (NO_OP_WHEN[name] === before.course?.status) {
    expect(result).toMatchObject({ courseId: course.courseId, status: before.course?.status });
    expect(after).toEqual(before);
  } else {
    expect(after).not.toEqual(before);
  }
}

describe.each(Object.entries(MUTATIONS))("%s", (name, mutate) => {
  it("is refused to another instructor and a learner on a draft, writing nothing; an admin may", async () => {
    const course = await courseIn("draft");
    const before = await courseState(t.db, course.courseId);
    // A draft someone does not edit does not exist for them; the role gate answers learners first.
    expect(await codeOf(mutate(otherInstructor, course))).toBe("NOT_FOUND");
    expect(await codeOf(mutate(learner, course))).toBe(
      DIRECT_SERVICE.has(name) ? "NOT_FOUND" : "FORBIDDEN",
    );
    expect(await courseState(t.db, course.courseId)).toEqual(before);
    await expectAllowed(name, mutate(admin, course), course, before);
  });

  it("is refused on a published course with FORBIDDEN, writing nothing; a co-instructor may", async () => {
    const course = await courseIn("published");
    const before = await courseState(t.db, course.courseId);
    expect(await codeOf(mutate(otherInstructor, course))).toBe("FORBIDDEN");
    expect(await codeOf(mutate(learner, course))).toBe("FORBIDDEN");
    expect(await courseState(t.db, course.courseId)).toEqual(before);
    await expectAllowed(name, mutate(coInstructor, course), course, before);
  });
});

describe("reading drafts", () => {
  it("only the course's editors can open a draft in the editor, its checklist or its page", async () => {
    const { courseId, slug } = await courseIn("draft");
    for (const stranger of [otherInstructor, learner]) {
      const expected = stranger === learner ? "FORBIDDEN" : "NOT_FOUND";
      expect(await codeOf(api(stranger).getCourse({ courseId }))).toBe(expected);
      expect(await codeOf(api(stranger).publishChecklist({ courseId }))).toBe(expected);
      expect(await codeOf(t.callerFor(stranger).catalog.bySlug({ slug }))).toBe("NOT_FOUND");
    }
    expect(await codeOf(t.callerFor(null).catalog.bySlug({ slug }))).toBe("NOT_FOUND");
    for (const editor of [owner, coInstructor, admin]) {
      await expect(api(editor).getCourse({ courseId })).resolves.toMatchObject({ slug });
    }
    await expect(t.callerFor(owner).catalog.bySlug({ slug })).resolves.toMatchObject({
      status: "draft",
    });
  });

  it("a published course is not editable by outsiders: getCourse says FORBIDDEN", async () => {
    const { courseId } = await courseIn("published");
    expect(await codeOf(api(otherInstructor).getCourse({ courseId }))).toBe("FORBIDDEN");
  });

  it("signed-out callers are asked to sign in", async () => {
    expect(await codeOf(t.callerFor(null).authoring.myCourses())).toBe("UNAUTHORIZED");
  });

  it("learners cannot create courses", async () => {
    const input = { title: "Mine", category: "Design", level: "beginner", language: "en" } as const;
    expect(await codeOf(api(learner).createCourse(input))).toBe("FORBIDDEN");
  });
});
