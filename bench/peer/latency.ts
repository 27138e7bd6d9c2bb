import { loadavg } from "node:os";
import { reviewNext, submitWork } from "@lumen/core/assignment";
import type { Database } from "@lumen/db";
import type { OutboxHandle } from "@lumen/jobs";
import type { RawSql } from "../lib/raw-sql";
import { createCohort } from "./cohort";
import { countViolations, NO_VIOLATIONS, type Violations, worst } from "./invariants";

/**
 * "Review next" under concurrent callers, in wall-clock time: a fresh cohort of `learners`
 * who all submitted (as mid-week), then `rounds` rounds in which `concurrency` learners who
 * hold no lease yet call reviewNext at once (Promise.all). Each call is timed on its own,
 * from call to answer, through the same pool of 10 connections the API uses. The first
 * concurrent round is timed apart (`cold`): it is the pool's connections meeting the
 * function and the prepared access query for the first time, which a running API does once.
 * Rounds alternate with their floor (`raw`): the same call as its bare SQL, the function
 * assignment_review_next on the reviewer's enrollment, sent straight through the driver over
 * a pool of the same size — no access check, no query building, no mapping; alternating
 * gives both the same growing share of leased submissions.
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
  raw: RawSql;
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
  // The last `concurrency` learners are the one-at-a-time baseline's; the first two rounds
  // warm the floor's pool and the service's.
  const rounds = Math.min(o.rounds, Math.floor(o.learners / o.concurrency) - 3);
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
  const rawLatencies: number[] = [];
  const cold: number[] = [];
  const rawCold: number[] = [];
  let leased = 0;
  let violations: Violations = NO_VIOLATIONS;
  for (let round = -2; round < rounds; round++) {
    const bare = round === -2 || (round >= 0 && round % 2 === 1);
    const timed = round === -2 ? rawCold : round === -1 ? cold : bare ? rawLatencies : latencies;
    const first = (round + 2) * o.concurrency;
    const callers = cohort.learners.slice(first, first + o.concurrency);
    const results = await Promise.all(
      callers.map(async (learner) => {
        const started = performance.now();
        if (bare) {
          const rows = await o.raw.query(
            "select * from assignment_review_next($1, $2, $3::timestamptz)",
            [cohort.lessonId, learner.enrollmentId, now.toISOString()],
          );
          timed.push(performance.now() - started);
          return { lease: rows[0]?.outcome === "leased" ? rows[0] : null };
        }
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
  return {
    latencies,
    rawLatencies,
    cold,
    alone,
    load,
    calls: latencies.length,
    leased,
    rounds,
    violations,
  };
}
