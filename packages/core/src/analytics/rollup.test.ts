import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeCertificate } from "../certificates";
import { enrollInCourse, unenrollFromCourse } from "../enrollment";
import type { SessionUser } from "../kernel";
import { markLessonsCompleted, type ProgressEvent } from "../progress";
import { saveQuiz, submitQuiz } from "../quiz";
import {
  createCertificate,
  createCourseWithLessons,
  createTestWorld,
  createUser,
  type TestWorld,
} from "../testing";
import { getPlayback } from "../video";
import { rebuildAnalytics } from "./rebuild";
import { runAnalyticsRollup } from "./rollup";
import { snapshotRollups, truncateRollups } from "./rollup-testing";

let world: TestWorld;
let admin: SessionUser;
beforeAll(async () => {
  world = await createTestWorld();
  admin = await createUser(world.db, "admin");
});
afterAll(() => world.close());

/** mulberry32: a small seeded PRNG, so a failing stream can be replayed by its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

/**
 * A course with two videos (10 s, 25 s), a text lesson, a quiz of choice questions, an
 * exercise and an assignment.
 */
async function createCourse() {
  const instructor = await createUser(world.db, "instructor");
  const { course, lessonIds } = await createCourseWithLessons(world.db, instructor, [
    { kind: "video", videoSeconds: 10 },
    { kind: "video", videoSeconds: 25 },
    { kind: "text", isOptional: true },
    { kind: "quiz" },
    { kind: "exercise" },
    { kind: "assignment" },
  ]);
  const [video1 = "", video2 = "", text = "", quiz = "", exercise = "", assignment = ""] =
    lessonIds;
  const saved = await saveQuiz({
    db: world.db,
    user: instructor,
    outbox: world.outbox,
    input: {
      lessonId: quiz,
      settings: { passingPercent: 50, maxAttempts: null, requiredForCertificate: true },
      questions: [
        {
          kind: "single_choice",
          prompt: "Pick b",
          points: 1,
          explanation: "",
          options: [
            { id: "a", text: "A" },
            { id: "b", text: "B" },
            { id: "c", text: "C" },
          ],
          answer: { optionId: "b" },
        },
        {
          kind: "multiple_choice",
          prompt: "Pick x and y",
          points: 2,
          explanation: "",
          options: [
            { id: "x", text: "X" },
            { id: "y", text: "Y" },
            { id: "z", text: "Z" },
          ],
          answer: { optionIds: ["x", "y"] },
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
  const questionIds = saved.questions.map((q) => q.id);
  return {
    instructor,
    courseId: course.id,
    videos: [
      { id: video1, seconds: 10 },
      { id: video2, seconds: 25 },
    ],
    text,
    quiz,
    graded: [exercise, assignment],
    questionIds,
  };
}
type Course = Awaited<ReturnType<typeof createCourse>>;

interface Learner {
  user: SessionUser;
  enrollmentId: string;
  enrolled: boolean;
  played: Set<string>;
  sent: ProgressEvent[];
}

async function createLearner(course: Course): Promise<Learner> {
  const user = await createUser(world.db);
  const { enrollmentId } = await enrollInCourse({
    db: world.db,
    user,
    outbox: world.outbox,
    input: { courseId: course.courseId },
  });
  return { user, enrollmentId, enrolled: true, played: new Set(), sent: [] };
}

/** One random thing a learner does, through the real write paths. */
async function act(rng: Rng, course: Course, learner: Learner) {
  const roll = rng.next();
  if (roll < 0.5) {
    const video = rng.pick(course.videos);
    if (learner.enrolled && !learner.played.has(video.id)) {
      await getPlayback({
        db: world.db,
        user: learner.user,
        media: world.media,
        input: { lessonId: video.id },
      });
      learner.played.add(video.id);
    }
    world.elapse(rng.int(20));
    const events: ProgressEvent[] = [];
    for (let n = rng.int(3) + 1; n > 0; n--) {
      const start = rng.int(video.seconds * 10) / 10;
      const end = Math.min(video.seconds + 3, start + rng.int(12) + 0.5);
      events.push({
        eventId: randomUUID(),
        enrollmentId: learner.enrollmentId,
        lessonId: video.id,
        watched: rng.chance(0.1) ? [] : [[start, end]],
        positionSeconds: rng.chance(0.1) ? video.seconds + 2 : end,
        completed: false,
        // Out of order: a client clock up to a minute behind.
        occurredAt: world.now() - rng.int(60_000),
      });
    }
    // A resent event (its id already stored) is a duplicate.
    const resent = learner.sent.length > 0 && rng.chance(0.3) ? [rng.pick(learner.sent)] : [];
    learner.sent.push(...events);
    await world.progress.record(learner.user, [...events, ...resent]);
  } else if (roll < 0.6) {
    const event: ProgressEvent = {
      eventId: randomUUID(),
      enrollmentId: learner.enrollmentId,
      lessonId: course.text,
      watched: [],
      positionSeconds: 0,
      completed: rng.chance(0.7),
      occurredAt: world.now(),
    };
    await world.progress.record(learner.user, [event]);
  } else if (roll < 0.8) {
    if (!learner.enrolled) return;
    const [single, multiple, truth] = course.questionIds;
    const answers = [
      {
        questionId: single ?? "",
        response: { kind: "choice" as const, optionIds: [rng.pick(["a", "b", "c"])] },
      },
      {
        questionId: multiple ?? "",
        response: {
          kind: "choice" as const,
          optionIds: ["x", "y", "z"].filter(() => rng.chance(0.5)),
        },
      },
      { questionId: truth ?? "", response: { kind: "boolean" as const, value: rng.chance(0.6) } },
    ].filter(() => rng.chance(0.85));
    await submitQuiz({
      db: world.db,
      user: learner.user,
      outbox: world.outbox,
      input: { lessonId: course.quiz, attemptId: randomUUID(), answers },
    });
  } else if (roll < 0.84) {
    // A passing exercise verdict or a final assignment grade: the write their paths make
    // (exercise/grade.ts, assignment/finalize.ts), with no progress event behind it.
    const lessonId = rng.pick(course.graded);
    await world.db.transaction((tx) =>
      markLessonsCompleted(tx, world.outbox, [{ enrollmentId: learner.enrollmentId, lessonId }]),
    );
  } else if (roll < 0.9) {
    const input = { courseId: course.courseId };
    if (learner.enrolled) await unenrollFromCourse({ db: world.db, user: learner.user, input });
    else await enrollInCourse({ db: world.db, user: learner.user, outbox: world.outbox, input });
    learner.enrolled = !learner.enrolled;
  } else if (roll < 0.95) {
    await certify(learner, course);
  } else {
    await runAnalyticsRollup({ db: world.db, batchSize: 1 + rng.int(4) });
  }
}

const certificates = new Map<string, string>();
/** Issues the learner's certificate (a row as the issue job leaves it), or revokes it. */
async function certify(learner: Learner, course: Course) {
  const issued = certificates.get(learner.enrollmentId);
  if (!issued) {
    const certificate = await createCertificate(world.db, {
      id: learner.enrollmentId,
      userId: learner.user.id,
      courseId: course.courseId,
    });
    certificates.set(learner.enrollmentId, certificate.id);
    return;
  }
  await revokeCertificate({
    db: world.db,
    user: admin,
    outbox: world.outbox,
    media: world.media,
    input: { certificateId: issued, reason: "Issued by mistake" },
  }).catch(() => undefined);
}

describe("analytics rollup equals the rebuild", () => {
  it("random streams through the real write paths: incremental runs end equal to the rebuild", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = prng(seed);
      const course = await createCourse();
      const learners: Learner[] = [];
      for (let n = 2 + rng.int(3); n > 0; n--) learners.push(await createLearner(course));
      for (let step = 0; step < 25; step++) await act(rng, course, rng.pick(learners));
      await runAnalyticsRollup({ db: world.db, batchSize: 1 + rng.int(10) });
      const incremental = await snapshotRollups(world.db);

      // Running again with nothing new applies nothing.
      const again = await runAnalyticsRollup({ db: world.db });
      expect({
        events: again.events,
        attempts: again.attempts,
        enrollments: again.enrollments,
      }).toEqual({
        events: 0,
        attempts: 0,
        enrollments: 0,
      });
      expect(await snapshotRollups(world.db), `seed ${seed}: second run`).toEqual(incremental);

      await rebuildAnalytics({ db: world.db });
      const rebuilt = await snapshotRollups(world.db);
      expect(incremental, `seed ${seed}`).toEqual(rebuilt);
      expect(rebuilt.analytics_video_seconds?.length ?? 0).toBeGreaterThan(0);

      // From nothing, in batches, the rollup reaches the same tables (every fifth stream: it
      // replays every stream so far).
      if (seed % 5 === 0) {
        await truncateRollups(world.db);
        await runAnalyticsRollup({ db: world.db, batchSize: 40 });
        expect(await snapshotRollups(world.db), `seed ${seed}: from empty`).toEqual(rebuilt);
      }
    }
  }, 240_000);
});
