import type { SessionUser } from "@lumen/core/kernel";
import { appendLessons, createCourse, createEnrollment, createUser } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { createTestContext, type TestContext } from "../testing/harness";
import { outcomeOf } from "../testing/sweep";

let t: TestContext;
let owner: SessionUser;
let coInstructor: SessionUser;
let otherInstructor: SessionUser;
let learner: SessionUser;
let admin: SessionUser;
let courseId: string;
let videoId: string;
let quizId: string;
let otherVideoId: string;
let otherQuizId: string;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  coInstructor = await createUser(t.db, "instructor");
  otherInstructor = await createUser(t.db, "instructor");
  learner = await createUser(t.db, "learner");
  admin = await createUser(t.db, "admin");
  courseId = (await createCourse(t.db, owner, { coInstructors: [coInstructor] })).id;
  [videoId = "", quizId = ""] = await appendLessons(t.db, courseId, owner, [
    { kind: "video" },
    { kind: "quiz" },
  ]);
  await createEnrollment(t.db, learner, courseId);
  // The other instructor's course: its lessons are not this course's.
  const other = await createCourse(t.db, otherInstructor);
  [otherVideoId = "", otherQuizId = ""] = await appendLessons(t.db, other.id, otherInstructor, [
    { kind: "video" },
    { kind: "quiz" },
  ]);
});
afterAll(() => t.close());

type Call = (
  user: SessionUser | null,
  lessons?: { video: string; quiz: string },
) => Promise<unknown>;
const api = (user: SessionUser | null) => t.callerFor(user).analytics;

/** Every analytics procedure, as each caller would ask about the owner's course. */
const PROCEDURES: Record<string, Call> = {
  overview: (u) => api(u).overview({ courseId, from: "2026-03-01", to: "2026-03-31" }),
  funnel: (u) => api(u).funnel({ courseId }),
  videos: (u) => api(u).videos({ courseId }),
  video: (u, l) => api(u).video({ courseId, lessonId: l?.video ?? videoId }),
  assessments: (u) => api(u).assessments({ courseId }),
  quiz: (u, l) => api(u).quiz({ courseId, lessonId: l?.quiz ?? quizId }),
  learners: (u) => api(u).learners({ courseId, query: "a", sort: "name" }),
};

describe("analytics authorization", () => {
  it("covers every procedure of the analytics router", () => {
    const procedures = Object.keys(appRouter._def.procedures)
      .filter((path) => path.startsWith("analytics."))
      .map((path) => path.slice("analytics.".length));
    expect(procedures.sort()).toEqual(Object.keys(PROCEDURES).sort());
  });

  it.each(Object.keys(PROCEDURES))(
    "%s: anonymous 401, enrolled learner and another course's instructor 403, the course's instructors and admins 200",
    async (name) => {
      const call = PROCEDURES[name];
      if (!call) throw new Error(name);
      const outcomes = {
        anonymous: await outcomeOf(call(null)),
        learner: await outcomeOf(call(learner)),
        otherInstructor: await outcomeOf(call(otherInstructor)),
        owner: await outcomeOf(call(owner)),
        coInstructor: await outcomeOf(call(coInstructor)),
        admin: await outcomeOf(call(admin)),
      };
      expect(outcomes).toEqual({
        anonymous: "UNAUTHORIZED",
        learner: "FORBIDDEN",
        otherInstructor: "FORBIDDEN",
        owner: "ok",
        coInstructor: "ok",
        admin: "ok",
      });
    },
  );

  it.each(["video", "quiz"])(
    "%s: a lesson of another course is a 404, for the course's instructor and for an admin",
    async (name) => {
      const call = PROCEDURES[name];
      if (!call) throw new Error(name);
      const elsewhere = { video: otherVideoId, quiz: otherQuizId };
      expect(await outcomeOf(call(owner, elsewhere))).toBe("NOT_FOUND");
      expect(await outcomeOf(call(admin, elsewhere))).toBe("NOT_FOUND");
    },
  );

  it("a draft course another instructor does not teach is a 404, as in authoring", async () => {
    const draft = await createCourse(t.db, owner, { status: "draft", publishedAt: null });
    expect(await outcomeOf(api(otherInstructor).funnel({ courseId: draft.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(api(owner).funnel({ courseId: draft.id }))).toBe("ok");
  });
});
