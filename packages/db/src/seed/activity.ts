import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  courses,
  enrollments,
  lessonProgress,
  type progressEvents,
  quizAttempts,
  users,
} from "../schema";
import { formatIntervals, type Intervals } from "../schema/types";
import { type ActivityLesson, createActivityCourse } from "./activity-course";
import { createRandom, type Random } from "./random";

export { ACTIVITY_COURSE_SLUG } from "./activity-course";

export interface ActivityOptions {
  /** Learners enrolled over the last `days` days (default 300 over 60). */
  learners?: number;
  days?: number;
  seed?: number;
  /** The moment the activity leads up to (default: now). */
  now?: Date;
}

export interface ActivityResult {
  /** False when the course already exists (a later `pnpm dev`): nothing was written. */
  created: boolean;
  courseId: string | null;
  learners: number;
  events: number;
  attempts: number;
  /** Enrollments that completed the course: the certificate job issues their certificates. */
  completedEnrollmentIds: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Seconds of video one progress event reports (the web player sends every few seconds). */
const EVENT_SECONDS = 15;
const BATCH = 1000;

type EventRow = typeof progressEvents.$inferInsert;
type ProgressRow = typeof lessonProgress.$inferInsert;
type AttemptRow = typeof quizAttempts.$inferInsert;

/**
 * The demo course with a few hundred learners' activity over 60 days, so the instructor
 * dashboard has something to show on a first `pnpm dev`: enrollments (more at launch), each
 * learner working through the lessons in order at their own pace until they stop (a funnel),
 * videos watched in stretches with some skipping and re-watching around the hard middle part,
 * quizzes retaken until passed (or given up), a few unenrollments. Rows are the ones the
 * progress path and the quiz service write (events, lesson_progress with coverage = union of
 * the events, graded attempts in their shapes, enrollments completed at 100 %); certificates
 * are not written here: the caller enqueues the real issuing job for `completedEnrollmentIds`.
 * Deterministic for a seed and `now`; a second run finds the course and writes nothing.
 */
export async function seedDemoActivity(
  db: Database,
  instructorId: string,
  options: ActivityOptions = {},
): Promise<ActivityResult> {
  const now = options.now ?? new Date();
  const count = options.learners ?? 300;
  const days = options.days ?? 60;
  const random = createRandom(options.seed ?? 20261206);
  const empty = { courseId: null, learners: 0, events: 0, attempts: 0, completedEnrollmentIds: [] };
  const built = await createActivityCourse(db, instructorId, now);
  if (!built) return { created: false, ...empty };

  const events: EventRow[] = [];
  const progress: ProgressRow[] = [];
  const attempts: AttemptRow[] = [];
  const enrollmentRows: Array<typeof enrollments.$inferInsert> = [];
  const learnerRows: Array<typeof users.$inferInsert> = [];
  const completed: string[] = [];
  const required = built.outline.filter((l) => !l.optional).length;
  for (let i = 1; i <= count; i++) {
    const id = `seed-demo-learner-${String(i).padStart(3, "0")}`;
    const enrollmentId = uuidFrom(random);
    // More learners at launch, then a trickle: u^0.7 leans towards the start of the window.
    const enrolledAt = new Date(now.getTime() - days * DAY * random.next() ** 0.7);
    learnerRows.push({
      id,
      name: learnerName(i),
      email: `learner${String(i).padStart(3, "0")}@demo.lumen.dev`,
      emailVerified: true,
      createdAt: enrolledAt,
      updatedAt: enrolledAt,
    });
    const learner = {
      enrollmentId,
      ability: (random.next() + random.next()) / 2,
      // 4 % never start, a fifth go all the way, the rest stop somewhere (more of them early).
      reach: pickReach(random, built.outline.length),
      paceHours: 2 + random.next() * 70,
    };
    let doneRequired = 0;
    let lastDone = enrolledAt;
    let lastActive = enrolledAt;
    for (const [order, lesson] of built.outline.entries()) {
      if (order >= learner.reach) break;
      const start =
        enrolledAt.getTime() + order * learner.paceHours * HOUR + random.int(0, 59) * 60_000;
      if (start + 2 * HOUR > now.getTime()) break;
      const last = order === learner.reach - 1;
      const outcome =
        lesson.kind === "quiz"
          ? takeQuiz(random, lesson, enrollmentId, start, learner.ability, attempts)
          : watch(random, lesson, enrollmentId, start, last, events);
      lastActive = new Date(Math.max(lastActive.getTime(), outcome.lastAt));
      if (outcome.progress)
        progress.push({ enrollmentId, lessonId: lesson.id, ...outcome.progress });
      const doneAt = outcome.progress?.completedAt;
      if (doneAt && !lesson.optional) {
        doneRequired += 1;
        if (doneAt > lastDone) lastDone = doneAt;
      }
    }
    const completedAt = doneRequired === required ? lastDone : null;
    if (completedAt) completed.push(enrollmentId);
    const leaves = !completedAt && random.next() < 0.08;
    const unenrolledAt = leaves ? new Date(lastActive.getTime() + random.int(1, 72) * HOUR) : null;
    enrollmentRows.push({
      id: enrollmentId,
      userId: id,
      courseId: built.courseId,
      enrolledAt,
      completedAt,
      unenrolledAt: unenrolledAt && unenrolledAt < now ? unenrolledAt : null,
    });
  }
  await db.transaction(async (tx) => {
    for (const rows of chunks(learnerRows)) await tx.insert(users).values(rows);
    for (const rows of chunks(enrollmentRows)) await tx.insert(enrollments).values(rows);
    // Arrival order, as the progress path appends them (the rollup applies them by seq).
    events.sort((a, b) => (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0));
    for (const rows of chunks(events, 5000)) await insertEvents(tx, rows);
    attempts.sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
    for (const rows of chunks(attempts)) await tx.insert(quizAttempts).values(rows);
    for (const rows of chunks(progress)) await tx.insert(lessonProgress).values(rows);
    const active = enrollmentRows.filter((e) => !e.unenrolledAt).length;
    await tx.update(courses).set({ enrollmentCount: active }).where(eq(courses.id, built.courseId));
  });
  return {
    created: true,
    courseId: built.courseId,
    learners: count,
    events: events.length,
    attempts: attempts.length,
    completedEnrollmentIds: completed,
  };
}

function pickReach(random: Random, lessons: number) {
  const r = random.next();
  if (r < 0.04) return 0;
  if (r < 0.24) return lessons;
  return 1 + Math.floor((lessons - 1) * random.next() ** 1.6);
}

/**
 * One learner's watching of a video (or reading of a text lesson) that began at `start`:
 * events of EVENT_SECONDS each from the beginning up to where they stopped (all of it, unless
 * this is the last lesson they reached), sometimes skipping a part, sometimes re-watching the
 * middle. Returns the lesson_progress the progress path would have made of them.
 */
function watch(
  random: Random,
  lesson: ActivityLesson,
  enrollmentId: string,
  start: number,
  last: boolean,
  events: EventRow[],
): { lastAt: number; progress: Omit<ProgressRow, "enrollmentId" | "lessonId"> } {
  if (lesson.kind !== "video") {
    const at = new Date(start);
    events.push(event(random, enrollmentId, lesson.id, [], 0, true, at));
    return { lastAt: start, progress: { positionAt: at, completedAt: at, updatedAt: at } };
  }
  const tenths = lesson.seconds * 10;
  const until = last ? Math.max(100, Math.floor(tenths * (0.05 + 0.9 * random.next()))) : tenths;
  const stretch = EVENT_SECONDS * 10;
  // Some learners skip a twentieth of the video a third of the way in.
  const skipFrom = random.next() < 0.15 ? Math.floor(until * 0.3) : -1;
  const skipTo = skipFrom < 0 ? -1 : skipFrom + Math.floor(tenths / 20);
  const watched: Intervals = [];
  let at = start;
  let completedAt: Date | null = null;
  let tenthsSoFar = 0;
  for (let from = 0; from < until; from += stretch) {
    const to = Math.min(from + stretch, until);
    at += (to - from) * 105; // tenths → ms, with a little pausing
    const parts = minus([from, to], skipFrom, skipTo);
    if (parts.length === 0) continue;
    watched.push(...parts);
    // These parts follow each other without overlap: their lengths add up to the coverage.
    tenthsSoFar += covered(parts);
    const done = completedAt === null && tenthsSoFar >= tenths * 0.9;
    if (done) completedAt = new Date(at);
    events.push(event(random, enrollmentId, lesson.id, parts, to / 10, done, new Date(at)));
  }
  let position = until;
  // A third re-watch the hard part around the middle, once or twice, later that day.
  if (random.next() < 0.35) {
    const from = Math.floor(tenths * (0.45 + 0.1 * random.next()));
    for (let r = 0; r < random.int(1, 2) && from < until; r++) {
      at += random.int(5, 120) * 60_000;
      for (let k = 0; k < 2; k++) {
        const part: [number, number] = [
          from + k * stretch,
          Math.min(from + (k + 1) * stretch, until),
        ];
        if (part[0] >= part[1]) break;
        at += (part[1] - part[0]) * 100;
        watched.push(part);
        position = part[1];
        events.push(
          event(random, enrollmentId, lesson.id, [part], part[1] / 10, false, new Date(at)),
        );
      }
    }
  }
  const coverage = merge(watched);
  const updated = new Date(at);
  return {
    lastAt: at,
    progress: {
      coverage,
      watchedSeconds: covered(coverage) / 10,
      positionSeconds: position / 10,
      positionAt: new Date(at - 1000),
      completedAt,
      updatedAt: updated,
    },
  };
}

/**
 * A learner's attempts at a quiz, graded as the quiz service grades them (all or nothing per
 * question, passing at 70 % of the points): they retake it until they pass, up to four times,
 * getting better each time. A pass completes the lesson (a lesson_progress row).
 */
function takeQuiz(
  random: Random,
  lesson: ActivityLesson,
  enrollmentId: string,
  start: number,
  ability: number,
  attempts: AttemptRow[],
): { lastAt: number; progress: Omit<ProgressRow, "enrollmentId" | "lessonId"> | null } {
  let at = start;
  const tries = random.int(1, 4);
  for (let n = 1; n <= tries; n++) {
    at += random.int(4, 30) * 60_000;
    const answers: Record<string, unknown> = {};
    const feedback = lesson.questions.map((q) => {
      const correct =
        random.next() < Math.min(0.97, q.ease + 0.5 * (ability - 0.5) + 0.15 * (n - 1));
      answers[q.id] = correct ? q.right : q.wrong;
      return {
        questionId: q.id,
        correct,
        pointsAwarded: correct ? q.points : 0,
        points: q.points,
        explanation: "See the videos.",
      };
    });
    const scorePoints = feedback.reduce((s, f) => s + f.pointsAwarded, 0);
    const maxPoints = feedback.reduce((s, f) => s + f.points, 0);
    const passed = scorePoints * 100 >= 70 * maxPoints;
    const submittedAt = new Date(at);
    attempts.push({
      id: uuidFrom(random),
      enrollmentId,
      lessonId: lesson.id,
      attemptNumber: n,
      answers,
      scorePoints,
      maxPoints,
      scorePercent: Math.round((scorePoints / maxPoints) * 10_000) / 100,
      passed,
      feedback,
      submittedAt,
    });
    if (passed) {
      return {
        lastAt: at,
        progress: { positionAt: submittedAt, completedAt: submittedAt, updatedAt: submittedAt },
      };
    }
  }
  return { lastAt: at, progress: null };
}

function event(
  random: Random,
  enrollmentId: string,
  lessonId: string,
  watched: Intervals,
  positionSeconds: number,
  completed: boolean,
  receivedAt: Date,
): EventRow {
  return {
    eventId: uuidFrom(random),
    enrollmentId,
    lessonId,
    watched,
    positionSeconds,
    completed,
    occurredAt: new Date(receivedAt.getTime() - 1000),
    receivedAt,
  };
}

/** [from, to) without [skipFrom, skipTo). */
function minus([from, to]: [number, number], skipFrom: number, skipTo: number): Intervals {
  if (skipTo <= from || skipFrom >= to) return [[from, to]];
  const parts: Intervals = [];
  if (from < skipFrom) parts.push([from, skipFrom]);
  if (skipTo < to) parts.push([skipTo, to]);
  return parts;
}

function merge(parts: Intervals): Intervals {
  const sorted = [...parts].sort((a, b) => a[0] - b[0]);
  const out: Intervals = [];
  for (const [a, b] of sorted) {
    const prev = out[out.length - 1];
    if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

const covered = (parts: Intervals) => parts.reduce((s, [a, b]) => s + b - a, 0);

/** A v4-shaped uuid from the seed's PRNG, so the same seed writes the same ids. */
function uuidFrom(random: Random) {
  const word = () =>
    Math.floor(random.next() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  const h = `${word()}${word()}${word()}${word()}`;
  const variant = ((Number.parseInt(h[16] ?? "0", 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

const FIRST = [
  "Amara",
  "Ben",
  "Chiara",
  "Dmitri",
  "Elif",
  "Farah",
  "Gustavo",
  "Hana",
  "Ivan",
  "Jade",
  "Kofi",
  "Lena",
  "Mateo",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tariq",
];
const LAST = [
  "Adeyemi",
  "Bauer",
  "Costa",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Gupta",
  "Haddad",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Moreau",
  "Nakamura",
  "Okafor",
];

function learnerName(i: number) {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
}

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Events are most of the rows: sent as one JSON parameter per statement instead of eight
 * parameters per row, which PGlite (`pnpm dev`'s default) binds several times slower.
 */
async function insertEvents(db: Database, rows: EventRow[]) {
  const json = JSON.stringify(
    rows.map((e) => ({
      event_id: e.eventId,
      enrollment_id: e.enrollmentId,
      lesson_id: e.lessonId,
      watched: formatIntervals(e.watched ?? []),
      position_seconds: e.positionSeconds,
      completed: e.completed,
      occurred_at: e.occurredAt.toISOString(),
      received_at: e.receivedAt?.toISOString(),
    })),
  );
  await db.execute(sql`insert into progress_events (event_id, enrollment_id, lesson_id, watched,
      position_seconds, completed, occurred_at, received_at)
    select * from jsonb_to_recordset(${json}::jsonb) as x(event_id uuid, enrollment_id uuid,
      lesson_id uuid, watched int4multirange, position_seconds real, completed boolean,
      occurred_at timestamptz, received_at timestamptz)`);
}
