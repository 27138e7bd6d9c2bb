import type { SessionUser } from "@lumen/core/kernel";
import { createCourse, createUser } from "@lumen/core/testing";
import { courses, enrollments } from "@lumen/db";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  instructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const callerFor = (user: SessionUser | null) => t.callerFor(user);

async function rowsFor(courseId: string) {
  return t.db.select().from(enrollments).where(eq(enrollments.courseId, courseId));
}
async function enrollmentCount(courseId: string) {
  const [row] = await t.db
    .select({ n: courses.enrollmentCount })
    .from(courses)
    .where(eq(courses.id, courseId));
  return row?.n;
}
async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("enrollment.enroll", () => {
  it("enrolling twice returns the same enrollment and counts it once", async () => {
    const course = await createCourse(t.db, instructor);
    const learner = await createUser(t.db);
    const first = await callerFor(learner).enrollment.enroll({ courseId: course.id });
    const second = await callerFor(learner).enrollment.enroll({ courseId: course.id });
    expect(second.enrollmentId).toBe(first.enrollmentId);
    expect(await rowsFor(course.id)).toHaveLength(1);
    expect(await enrollmentCount(course.id)).toBe(1);
  });

  it("20 concurrent enroll calls create exactly one row and all return its id", async () => {
    const course = await createCourse(t.db, instructor);
    const learner = await createUser(t.db);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        callerFor(learner).enrollment.enroll({ courseId: course.id }),
      ),
    );
    const rows = await rowsFor(course.id);
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => r.enrollmentId))).toEqual(new Set([rows[0]?.id]));
    expect(await enrollmentCount(course.id)).toBe(1);
  });

  it("different learners each get their own enrollment and the count is exact", async () => {
    const course = await createCourse(t.db, instructor);
    const learners = await Promise.all(Array.from({ length: 5 }, () => createUser(t.db)));
    await Promise.all(learners.map((l) => callerFor(l).enrollment.enroll({ courseId: course.id })));
    expect(await rowsFor(course.id)).toHaveLength(5);
    expect(await enrollmentCount(course.id)).toBe(5);
  });

  it("unknown course is NOT_FOUND and writes nothing", async () => {
    const learner = await createUser(t.db);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(callerFor(learner).enrollment.enroll({ courseId: missing }))).toBe(
      "NOT_FOUND",
    );
    expect(await callerFor(learner).enrollment.mine()).toEqual([]);
  });

  it("a draft course cannot be enrolled in", async () => {
    const course = await createCourse(t.db, instructor, {
      status: "draft",
      publishedAt: null,
    });
    const learner = await createUser(t.db);
    expect(await codeOf(callerFor(learner).enrollment.enroll({ courseId: course.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await rowsFor(course.id)).toHaveLength(0);
  });

  it("a malformed course id is BAD_REQUEST with a per-field message", async () => {
    const learner = await createUser(t.db);
    const error = await callerFor(learner)
      .enrollment.enroll({ courseId: "not-a-uuid" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toBe("Invalid input");
  });

  it("signed-out callers are UNAUTHORIZED and nothing is written", async () => {
    const course = await createCourse(t.db, instructor);
    expect(await codeOf(callerFor(null).enrollment.enroll({ courseId: course.id }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await rowsFor(course.id)).toHaveLength(0);
  });
});

describe("enrollment.unenroll and mine", () => {
  it("unenrolling removes the course from my learning and decrements the count once", async () => {
    const course = await createCourse(t.db, instructor);
    const learner = await createUser(t.db);
    await callerFor(learner).enrollment.enroll({ courseId: course.id });
    expect((await callerFor(learner).enrollment.mine()).map((e) => e.course.id)).toEqual([
      course.id,
    ]);

    expect(await callerFor(learner).enrollment.unenroll({ courseId: course.id })).toEqual({
      unenrolled: true,
    });
    expect(await callerFor(learner).enrollment.unenroll({ courseId: course.id })).toEqual({
      unenrolled: false,
    });
    expect(await callerFor(learner).enrollment.mine()).toEqual([]);
    expect(await enrollmentCount(course.id)).toBe(0);
  });

  it("re-enrolling after leaving restores the same enrollment", async () => {
    const course = await createCourse(t.db, instructor);
    const learner = await createUser(t.db);
    const { enrollmentId } = await callerFor(learner).enrollment.enroll({ courseId: course.id });
    await callerFor(learner).enrollment.unenroll({ courseId: course.id });
    const again = await callerFor(learner).enrollment.enroll({ courseId: course.id });
    expect(again.enrollmentId).toBe(enrollmentId);
    expect(await enrollmentCount(course.id)).toBe(1);
  });

  it("my learning lists only my own active enrollments, newest first", async () => {
    const [a, b] = [await createCourse(t.db, instructor), await createCourse(t.db, instructor)];
    const learner = await createUser(t.db);
    const other = await createUser(t.db);
    await callerFor(learner).enrollment.enroll({ courseId: a.id });
    await callerFor(learner).enrollment.enroll({ courseId: b.id });
    await callerFor(other).enrollment.enroll({ courseId: a.id });
    const mine = await callerFor(learner).enrollment.mine();
    expect(mine.map((e) => e.course.slug)).toEqual([b.slug, a.slug]);
    expect(mine[0]?.course.instructorName).toBe(instructor.name);
  });
});
