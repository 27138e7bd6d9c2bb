import {
  analyticsCourseInput,
  analyticsLessonInput,
  getAssessmentsOverview,
  getCourseFunnel,
  getCourseOverview,
  getQuizAnalytics,
  getVideoEngagement,
  LEARNER_SORTS,
  learnersTableInput,
  listLearnersTable,
  listVideoEngagement,
  overviewInput,
} from "@lumen/core/analytics";
import type { SessionUser } from "@lumen/core/kernel";
import type { Database } from "@lumen/db";
import { describeStatements, type RawSql } from "../lib/raw-sql";
import { summarize } from "../lib/stats";

export interface ReadTiming {
  read: string;
  n: number;
  p50: number;
  p95: number;
  /** The same read's statements sent straight through the driver (bench/lib/raw-sql.ts). */
  floor: { statements: number; p50: number; p95: number };
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Every dashboard read, as the tRPC procedure calls it (input parsed by its schema, the
 * instructor's access checked), `runs` times each after a few warm-up calls (plans, caches);
 * then its floor: the statements that call sent, recorded once and replayed `runs` times
 * straight through the driver, with no application code.
 */
export async function timeReads(o: {
  db: Database;
  user: SessionUser;
  courseId: string;
  videoLessonId: string;
  quizLessonId: string;
  runs: number;
  raw: RawSql;
}): Promise<ReadTiming[]> {
  const { user, courseId } = o;
  const course = analyticsCourseInput.parse({ courseId });
  const reads: Array<[string, (db: Database) => Promise<unknown>]> = [];
  for (const days of [30, 90]) {
    for (const granularity of ["day", "week"] as const) {
      const input = overviewInput.parse({ courseId, from: day(1 - days), to: day(0), granularity });
      reads.push([
        `overview, ${days} days by ${granularity}`,
        (db) => getCourseOverview({ db, user, input }),
      ]);
    }
  }
  reads.push(["funnel", (db) => getCourseFunnel({ db, user, input: course })]);
  reads.push(["videos (list)", (db) => listVideoEngagement({ db, user, input: course })]);
  const video = analyticsLessonInput.parse({ courseId, lessonId: o.videoLessonId });
  reads.push([
    "video retention (longest video)",
    (db) => getVideoEngagement({ db, user, input: video }),
  ]);
  reads.push(["assessments", (db) => getAssessmentsOverview({ db, user, input: course })]);
  const quiz = analyticsLessonInput.parse({ courseId, lessonId: o.quizLessonId });
  reads.push(["quiz (questions, options)", (db) => getQuizAnalytics({ db, user, input: quiz })]);
  const learners = (label: string, input: Record<string, unknown>) => {
    const parsed = learnersTableInput.parse({ courseId, ...input });
    reads.push([`learners, ${label}`, (db) => listLearnersTable({ db, user, input: parsed })]);
  };
  for (const sort of LEARNER_SORTS) learners(`by ${sort}`, { sort });
  learners("by progress ascending", { sort: "progress", direction: "asc" });
  learners("search 'lovelace'", { query: "lovelace", sort: "name", direction: "asc" });
  learners("search an email", { query: "learner77777@" });
  learners("at risk only", { atRiskOnly: true });
  learners("page 2000 of 25", { page: 2000 });

  const timings: ReadTiming[] = [];
  for (const [read, call] of reads) {
    for (let i = 0; i < 3; i++) await call(o.db);
    const samples: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      const started = performance.now();
      await call(o.db);
      samples.push(performance.now() - started);
    }
    const s = summarize(samples);
    const floor = await timeFloor(o.raw, read, call, o.runs);
    timings.push({ read, n: s.n, p50: s.p50, p95: s.p95, floor });
  }
  return timings;
}

/** The read's statements, recorded from one more call, replayed `runs` times after 3 warm-ups. */
async function timeFloor(
  raw: RawSql,
  read: string,
  call: (db: Database) => Promise<unknown>,
  runs: number,
) {
  const statements = await raw.record(call);
  if (process.env.BENCH_VERBOSE) console.log(`${read}:\n${describeStatements(statements)}`);
  for (let i = 0; i < 3; i++) await raw.replay(statements);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await raw.replay(statements);
    samples.push(performance.now() - started);
  }
  const s = summarize(samples);
  return { statements: statements.length, p50: s.p50, p95: s.p95 };
}
