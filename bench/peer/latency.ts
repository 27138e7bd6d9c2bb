import { loadavg } from "node:os";
import { reviewNext, submitWork } from "@lumen/core/assignment";
import type { Database } from "@lumen/db";
import type { OutboxHandle } from "@lumen/jobs";
import { createCohort } from "./cohort";
import { countViolations, NO_VIOLATIONS, type Violations, worst } from "./invariants";

/**
 * "Review next" under concurrent callers, in wall-clock time: a fresh cohort of `learners`
 * who all submitted (as mid-week), then `rounds` rounds in which `concurrency` learners who
 * hold no lease yet call reviewNext at once (Promise.all). Each call is timed on its own,
 * from call to answer, through the same pool of 10 connections the API uses. The first
 * concurrent round is timed apart (`cold`): it is the pool's connections meeting the
 * function and the prepared access query for the first time, which a running API does once.
 */
export async function measureReviewNext(o: {
  db: Database;
  outbox: OutboxHandle;
  learners: number;
  concurrency: number;
  rounds: number;
  settings: Parameters<typeof createCohort>[1]["settings"];
  start: Date;
  reviewsNeeded: number;
}) {
  const cohort = await createCohort(o, { learners: o.learners, settings: o.settings });
  const t0 = o.start.getTime();
  for (const [i, learner] of cohort.learners.entries()) {
    await submitWork({
      db: o.db,
      outbox: o.outbox,
      user: learner.user,
      input: { lessonId: cohort.lessonId, body: `Essay by learner ${i + 1}.` },
      now: new Date(t0 + i * 10_000),
    });
  }
  // The last `concurrency` learners are the one-at-a-time baseline's; the first round warms.
  const rounds = Math.min(o.rounds, Math.floor(o.learners / o.concurrency) - 2);
  const now = new Date(t0 + o.learners * 10_000 + 60_000);
  // One caller at a time first, on the same state: what concurrency adds to it.
  const alone: number[] = [];
  for (const learner of cohort.learners.slice(-o.concurrency)) {
    const started = performance.now();
    await reviewNext({ db: o.db, user: learner.user, input: { lessonId: cohort.lessonId }, now });
    alone.push(performance.now() - started);
  }
  const load = loadavg()[0] ?? Number.NaN;
  const latencies: number[] = [];
  const cold: number[] = [];
  let leased = 0;
  let violations: Violations = NO_VIOLATIONS;
  for (let round = -1; round < rounds; round++) {
    const timed = round < 0 ? cold : latencies;
    const first = (round + 1) * o.concurrency;
    const callers = cohort.learners.slice(first, first + o.concurrency);
    const results = await Promise.all(
      callers.map(async (learner) => {
        const started = performance.now();
        const result = await reviewNext({
          db: o.db,
          user: learner.user,
          input: { lessonId: cohort.lessonId },
          now,
        });
        timed.push(performance.now() - started);
        return result;
      }),
    );
    if (round >= 0) leased += results.filter((r) => r.lease).length;
    violations = worst(
      violations,
      await countViolations(o.db, { lessonId: cohort.lessonId, needed: o.reviewsNeeded, now }),
    );
  }
  return { latencies, cold, alone, load, calls: latencies.length, leased, rounds, violations };
}
