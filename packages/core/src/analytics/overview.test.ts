import {
  createCourse,
  createCourseDays,
  createCourseWeeks,
  createLesson,
  createLessonRollup,
  createModule,
  createRollupCursor,
  createRollupLearner,
  createUser,
} from "@lumen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import { createTestWorld, type TestWorld } from "../testing";
import { getCourseFunnel } from "./funnel";
import { overviewInput } from "./inputs";
import { getCourseOverview } from "./overview";

let world: TestWorld;
let instructor: SessionUser;
beforeAll(async () => {
  world = await createTestWorld();
  instructor = await createUser(world.db, "instructor");
});
afterAll(() => world.close());

const at = (iso: string) => new Date(iso);
const overview = (courseId: string, granularity: "day" | "week") =>
  getCourseOverview({
    db: world.db,
    user: instructor,
    input: overviewInput.parse({ courseId, from: "2026-03-03", to: "2026-03-09", granularity }),
  });

describe("overview", () => {
  let courseId: string;
  beforeAll(async () => {
    courseId = (await createCourse(world.db, instructor)).id;
    await createCourseDays(world.db, courseId, [
      { day: "2026-02-24", enrolled: 1, active: 1 },
      { day: "2026-03-02", enrolled: 4, active: 2 },
      { day: "2026-03-03", enrolled: 2, active: 3 },
      { day: "2026-03-05", unenrolled: 1, completed: 1, active: 1 },
      { day: "2026-03-09", enrolled: 1, certified: 1, active: 2 },
      { day: "2026-03-10", enrolled: 9, active: 9 },
    ]);
    await createCourseWeeks(world.db, courseId, [
      { week: "2026-03-02", active: 4 },
      { week: "2026-03-09", active: 5 },
    ]);
    const learner = (enrolledAt: string, completedAt: string | null, more = {}) =>
      createRollupLearner(world.db, courseId, {
        enrolledAt: at(enrolledAt),
        completedAt: completedAt ? at(completedAt) : null,
        ...more,
      });
    await learner("2026-03-01T00:00:00Z", "2026-03-04T12:00:00Z"); // 3.5 days
    await learner("2026-02-20T00:00:00Z", "2026-03-09T23:00:00Z", {
      certificateId: crypto.randomUUID(),
      certifiedAt: at("2026-03-09T23:30:00Z"),
    }); // 17.96 days, on the range's last day
    await learner("2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z"); // 2 days, its first
    await learner("2026-03-01T00:00:00Z", "2026-03-10T00:00:00Z"); // the day after
    await learner("2026-02-24T00:00:00Z", "2026-02-25T00:00:00Z"); // 1 day, previous range
    await learner("2026-03-03T00:00:00Z", null, { unenrolledAt: at("2026-03-05T00:00:00Z") });
    await learner("2026-03-09T00:00:00Z", null);
  });

  it("has every day of the range, zeros where the rollup has no row", async () => {
    const result = await overview(courseId, "day");
    expect(result.series).toEqual([
      { period: "2026-03-03", enrolled: 2, unenrolled: 0, active: 3, completed: 0, certified: 0 },
      { period: "2026-03-04", enrolled: 0, unenrolled: 0, active: 0, completed: 0, certified: 0 },
      { period: "2026-03-05", enrolled: 0, unenrolled: 1, active: 1, completed: 1, certified: 0 },
      { period: "2026-03-06", enrolled: 0, unenrolled: 0, active: 0, completed: 0, certified: 0 },
      { period: "2026-03-07", enrolled: 0, unenrolled: 0, active: 0, completed: 0, certified: 0 },
      { period: "2026-03-08", enrolled: 0, unenrolled: 0, active: 0, completed: 0, certified: 0 },
      { period: "2026-03-09", enrolled: 1, unenrolled: 0, active: 2, completed: 0, certified: 1 },
    ]);
  });

  it("totals the range and the seven days before it, with the median days to complete", async () => {
    const result = await overview(courseId, "day");
    expect(result.range).toEqual({ from: "2026-03-03", to: "2026-03-09" });
    expect(result.previousRange).toEqual({ from: "2026-02-24", to: "2026-03-02" });
    expect(result.totals).toEqual({
      enrolled: 3,
      unenrolled: 1,
      completed: 1,
      certified: 1,
      averageDailyActive: 0.86, // 6 learner-days over 7 days
      medianDaysToComplete: 3.5, // of 2, 3.5 and 17.96
    });
    expect(result.previousTotals).toEqual({
      enrolled: 5,
      unenrolled: 0,
      completed: 0,
      certified: 0,
      averageDailyActive: 0.43,
      medianDaysToComplete: 1,
    });
  });

  it("counts the course as it stands now from every enrollment", async () => {
    const { current } = await overview(courseId, "day");
    expect(current).toEqual({
      enrolled: 6,
      everEnrolled: 7,
      completed: 5,
      completionRate: 5 / 7,
      certified: 1,
    });
  });

  it("by week: Mondays, the range's days summed in them, the week's distinct active learners", async () => {
    const result = await overview(courseId, "week");
    expect(result.granularity).toBe("week");
    expect(result.series).toEqual([
      // 2026-03-02 itself is before the range: its 4 enrollments are the previous range's.
      { period: "2026-03-02", enrolled: 2, unenrolled: 1, active: 4, completed: 1, certified: 0 },
      { period: "2026-03-09", enrolled: 1, unenrolled: 0, active: 5, completed: 0, certified: 1 },
    ]);
  });

  it("is empty but complete for a course with no activity: zeros and no median", async () => {
    const quiet = await createCourse(world.db, instructor);
    const result = await overview(quiet.id, "day");
    expect(result.series).toHaveLength(7);
    expect(result.series.every((p) => p.enrolled + p.active === 0)).toBe(true);
    expect(result.totals.medianDaysToComplete).toBeNull();
    expect(result.current.completionRate).toBe(0);
  });
});

describe("funnel", () => {
  it("lists lessons in outline order with started and completed shares of every enrollment", async () => {
    const course = await createCourse(world.db, instructor);
    // Modules and lessons are inserted out of order: the outline's positions decide.
    const second = await createModule(world.db, course.id, { title: "Two", position: 1 });
    const first = await createModule(world.db, course.id, { title: "One", position: 0 });
    const lesson = (moduleId: string, title: string, position: number, isOptional = false) =>
      createLesson(world.db, moduleId, { title, position, kind: "text", isOptional });
    const l3 = await lesson(second.id, "L3", 0);
    const l2 = await lesson(first.id, "L2", 1);
    const l1 = await lesson(first.id, "L1", 0);
    await lesson(second.id, "L4", 1, true);
    const l5 = await lesson(second.id, "L5", 2);
    const l6 = await lesson(second.id, "L6", 3);
    const rollup = (lessonId: string, started: number, completed: number) =>
      createLessonRollup(world.db, { lessonId, courseId: course.id, started, completed });
    await rollup(l1.id, 10, 9);
    await rollup(l2.id, 8, 5);
    await rollup(l3.id, 4, 3);
    // l4: nobody opened it, no rollup row.
    await rollup(l5.id, 2, 1);
    await rollup(l6.id, 1, 0);
    for (let i = 0; i < 10; i++) {
      await createRollupLearner(world.db, course.id, {
        unenrolledAt: i < 2 ? new Date() : null,
      });
    }

    const funnel = await getCourseFunnel({
      db: world.db,
      user: instructor,
      input: { courseId: course.id },
    });

    expect(funnel.learners).toBe(10);
    expect(
      funnel.lessons.map((l) => [
        l.title,
        l.moduleTitle,
        l.position,
        l.optional,
        l.started,
        l.completed,
        l.startedShare,
        l.completedShare,
        l.dropFromPrevious,
        l.biggestDrop,
      ]),
    ).toEqual([
      ["L1", "One", 1, false, 10, 9, 1, 0.9, null, false],
      ["L2", "One", 2, false, 8, 5, 0.8, 0.5, 0.4, true],
      ["L3", "Two", 3, false, 4, 3, 0.4, 0.3, 0.2, true],
      ["L4", "Two", 4, true, 0, 0, 0, 0, 0.3, true],
      ["L5", "Two", 5, false, 2, 1, 0.2, 0.1, -0.1, false],
      // A fourth positive drop, the smallest: not highlighted.
      ["L6", "Two", 6, false, 1, 0, 0.1, 0, 0.1, false],
    ]);
  });
});

describe("as of", () => {
  it("is null before the rollup ran, then the latest run of any source", async () => {
    const course = await createCourse(world.db, instructor);
    const read = () =>
      getCourseFunnel({ db: world.db, user: instructor, input: { courseId: course.id } });
    expect((await read()).asOf).toBeNull();
    await createRollupCursor(world.db, "progress_events", at("2026-03-09T10:00:00Z"));
    await createRollupCursor(world.db, "quiz_attempts", at("2026-03-09T10:00:05Z"));
    expect((await read()).asOf).toBe("2026-03-09T10:00:05.000Z");
  });
});
