import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollInCourse } from "../enrollment";
import type { SessionUser } from "../kernel";
import type { ProgressEvent } from "../progress";
import { saveQuiz, submitQuiz } from "../quiz";
import { createCourseWithLessons, createTestWorld, createUser, type TestWorld } from "../testing";
import { getPlayback } from "../video";
import { rebuildAnalytics } from "./rebuild";
import { runAnalyticsRollup } from "./rollup";
import { snapshotRollups, truncateRollups } from "./rollup-testing";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

/** A course with a 10 s video and a two-question quiz; two enrolled learners. */
async function twoLearners() {
  const instructor = await createUser(world.db, "instructor");
  const { course, lessonIds } = await createCourseWithLessons(world.db, instructor, [
    { kind: "video", videoSeconds: 10 },
    { kind: "quiz" },
  ]);
  const [video = "", quiz = ""] = lessonIds;
  const saved = await saveQuiz({
    db: world.db,
    user: instructor,
    outbox: world.outbox,
    input: {
      lessonId: quiz,
      settings: { passingPercent: 70, maxAttempts: null, requiredForCertificate: true },
      questions: [
        {
          kind: "single_choice",
          prompt: "Pick b",
          points: 1,
          explanation: "",
          options: [
            { id: "a", text: "A" },
            { id: "b", text: "B" },
          ],
          answer: { optionId: "b" },
        },
        {
          kind: "true_false",
          prompt: "True?",
          points: 1,
          explanation: "",
          answer: { value: true },
        },
      ],
    },
  });
  const [choice = "", truth = ""] = saved.questions.map((q) => q.id);
  const learners: Array<{ user: SessionUser; enrollmentId: string }> = [];
  for (let n = 0; n < 2; n++) {
    const user = await createUser(world.db);
    const { enrollmentId } = await enrollInCourse({
      db: world.db,
      user,
      outbox: world.outbox,
      input: { courseId: course.id },
    });
    await getPlayback({ db: world.db, user, media: world.media, input: { lessonId: video } });
    learners.push({ user, enrollmentId });
  }
  world.elapse(60);
  const watch = (i: number, watched: Array<[number, number]>, positionSeconds: number) => {
    const learner = learners[i];
    if (!learner) throw new Error("no learner");
    const event: ProgressEvent = {
      eventId: randomUUID(),
      enrollmentId: learner.enrollmentId,
      lessonId: video,
      watched,
      positionSeconds,
      completed: false,
      occurredAt: world.now(),
    };
    world.elapse(1);
    return world.progress.record(learner.user, [event]);
  };
  const answer = (i: number, option: string, value: boolean) =>
    submitQuiz({
      db: world.db,
      user: learners[i]?.user ?? instructor,
      outbox: world.outbox,
      input: {
        lessonId: quiz,
        attemptId: randomUUID(),
        answers: [
          { questionId: choice, response: { kind: "choice", optionIds: [option] } },
          { questionId: truth, response: { kind: "boolean", value } },
        ],
      },
    });
  return { courseId: course.id, video, quiz, choice, truth, learners, watch, answer };
}

async function rowsOf(query: ReturnType<typeof sql>) {
  return (await world.db.execute<Record<string, unknown>>(query)).rows;
}

describe("rebuildAnalytics", () => {
  it("two viewers of a 10 s video and two quiz attempts give the hand-counted tables", async () => {
    const c = await twoLearners();
    // A watches it all (and completes it); B watches 2–5 s, then replays 3–4 s and stops at 4.
    await c.watch(0, [[0, 10]], 10);
    await c.watch(1, [[2, 5]], 5);
    await c.watch(1, [[3, 4]], 4.6);
    await c.answer(0, "b", true); // 100 %: band 10, passed
    await c.answer(1, "a", true); // 50 %: band 5, failed
    await rebuildAnalytics({ db: world.db });

    const seconds = await rowsOf(sql`select second, viewers, plays, stops
      from analytics_video_seconds where lesson_id = ${c.video} order by second`);
    expect(seconds).toEqual(
      [
        [0, 1, 1, 0],
        [1, 1, 1, 0],
        [2, 2, 2, 0],
        [3, 2, 3, 0],
        [4, 2, 2, 1],
        [5, 1, 1, 0],
        [6, 1, 1, 0],
        [7, 1, 1, 0],
        [8, 1, 1, 0],
        [9, 1, 1, 0],
      ].map(([second, viewers, plays, stops]) => ({ second, viewers, plays, stops })),
    );
    expect(
      await rowsOf(sql`select lesson_id, started, completed, viewers, watched_tenths::int as tenths
        from analytics_lessons where course_id = ${c.courseId} order by started`),
    ).toEqual(
      expect.arrayContaining([
        { lesson_id: c.video, started: 2, completed: 1, viewers: 2, tenths: 130 },
        { lesson_id: c.quiz, started: 1, completed: 1, viewers: 0, tenths: 0 },
      ]),
    );
    expect(
      await rowsOf(sql`select band, attempts, passed from analytics_quiz_scores
        where lesson_id = ${c.quiz} order by band`),
    ).toEqual([
      { band: 5, attempts: 1, passed: 0 },
      { band: 10, attempts: 1, passed: 1 },
    ]);
    expect(
      await rowsOf(sql`select question_id, band, attempts, correct from analytics_quiz_questions
        where lesson_id = ${c.quiz} order by question_id = ${c.truth}, band`),
    ).toEqual([
      { question_id: c.choice, band: 5, attempts: 1, correct: 0 },
      { question_id: c.choice, band: 10, attempts: 1, correct: 1 },
      { question_id: c.truth, band: 5, attempts: 1, correct: 1 },
      { question_id: c.truth, band: 10, attempts: 1, correct: 1 },
    ]);
    expect(
      await rowsOf(sql`select question_id, option_id, chosen from analytics_quiz_options
        where lesson_id = ${c.quiz} order by question_id = ${c.truth}, option_id`),
    ).toEqual([
      { question_id: c.choice, option_id: "a", chosen: 1 },
      { question_id: c.choice, option_id: "b", chosen: 1 },
      { question_id: c.truth, option_id: "true", chosen: 2 },
    ]);
    const [a, b] = c.learners.map((l) => l.enrollmentId);
    expect(
      await rowsOf(sql`select enrollment_id, lessons_started, lessons_completed,
          required_completed, quiz_average, quizzes_passed, last_active_at is not null as active
        from analytics_enrollments where course_id = ${c.courseId} order by enrollment_id = ${b}`),
    ).toEqual([
      {
        enrollment_id: a,
        lessons_started: 2,
        lessons_completed: 2,
        required_completed: 2,
        quiz_average: 100,
        quizzes_passed: 1,
        active: true,
      },
      // A failed attempt leaves no lesson_progress row: the quiz is not "started" (ADR 0024).
      {
        enrollment_id: b,
        lessons_started: 1,
        lessons_completed: 0,
        required_completed: 0,
        quiz_average: 50,
        quizzes_passed: 0,
        active: true,
      },
    ]);
    expect(
      await rowsOf(sql`select enrolled, unenrolled, completed, certified, active
        from analytics_course_days where course_id = ${c.courseId}`),
    ).toEqual([{ enrolled: 2, unenrolled: 0, completed: 1, certified: 0, active: 2 }]);

    // The incremental rollup, from nothing, reaches the same tables.
    const rebuilt = await snapshotRollups(world.db);
    await truncateRollups(world.db);
    await runAnalyticsRollup({ db: world.db, batchSize: 2 });
    expect(await snapshotRollups(world.db)).toEqual(rebuilt);
  });

  it("a rebuild after truncating the rollups gives identical tables", async () => {
    const c = await twoLearners();
    await c.watch(0, [[1, 7]], 7);
    await c.answer(1, "b", false);
    await runAnalyticsRollup({ db: world.db });
    const first = await rebuildAnalytics({ db: world.db }).then(() => snapshotRollups(world.db));
    await truncateRollups(world.db);
    await rebuildAnalytics({ db: world.db });
    expect(await snapshotRollups(world.db)).toEqual(first);
    expect(first.analytics_enrollments?.length).toBeGreaterThan(0);
  });
});

describe("runAnalyticsRollup after a crash", () => {
  it("a batch that fails mid-way leaves cursors and tables as they were; the next run catches up", async () => {
    const c = await twoLearners();
    await c.watch(0, [[0, 4]], 4);
    await runAnalyticsRollup({ db: world.db });
    const before = await snapshotRollups(world.db);
    await c.watch(1, [[0, 6]], 6);
    await c.watch(0, [[4, 8]], 8);
    await c.answer(0, "b", true);

    let failures = 0;
    const crash = runAnalyticsRollup({
      db: world.db,
      batchSize: 1,
      hooks: {
        // The second batch's statements ran; the failure comes before its cursor moves.
        async beforeCursorMove(tx, source) {
          if (source !== "progress_events") return;
          await tx.execute(sql`select 1`);
          failures += 1;
          if (failures === 2) throw new Error("connection lost");
        },
      },
    });
    await expect(crash).rejects.toThrow("connection lost");
    // The first batch committed with its cursor; the second left nothing behind.
    const after = await snapshotRollups(world.db);
    expect(after).not.toEqual(before);
    const [cursor] = await rowsOf(sql`select position::int as position from analytics_cursors
      where source = 'progress_events'`);
    const [seq] = await rowsOf(sql`select max(seq)::int as seq from progress_events`);
    expect(cursor?.position).toBe(Number(seq?.seq) - 1);

    const resumed = await runAnalyticsRollup({ db: world.db });
    expect(resumed).toMatchObject({ events: 1, attempts: 1 });
    const rolled = await snapshotRollups(world.db);
    await rebuildAnalytics({ db: world.db });
    expect(rolled).toEqual(await snapshotRollups(world.db));
  });
});
