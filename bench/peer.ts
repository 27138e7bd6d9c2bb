/**
 * Peer review, simulated: `pnpm bench peer [options]`
 *   --learners N        cohort size (default 1000)
 *   --seed N            seeds every random choice: same seed, same run (default 1)
 *   --never-review F    share of learners who never review (default 0.1)
 *   --abandon F         share of leases walked away from, left to expire (default 0.05)
 *   --abandoners F      share of reviewers who walk away from every lease they take, as many
 *                       as they owe (default 0; 0.05 is the other reading of "5 %")
 *   --keep-reviewing F  share of reviewers who give 3 reviews more than they owe (default 0)
 *   --window-hours N    each submission's review window (default 72)
 *   --to-give N         reviews each learner owes (default 4; each submission needs 3)
 *   --concurrency N     concurrent "review next" callers in the latency phase (default 50)
 *   --rounds N          latency rounds, fresh learners each, alternating the service and its
 *                       floor (default 16: 8 each, the most 1000 allow next to the
 *                       one-at-a-time baseline and two warm-up rounds; 0 skips it)
 *   --pglite            in-process PGlite instead of Postgres (not what the targets mean)
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL; a fresh database, dropped after).
 *
 * The model: one course, one essay assignment (2-criterion rubric) saved through the domain:
 * 4 reviews to give, 3 needed, due 7 days after the start, each submission's window 72 h,
 * leases of 8 h, fallback "grade_available". Every learner submits once through submitWork:
 * 55 % in days 1–2, 35 % in days 3–6, 10 % on day 7. 10 % never review. A reviewer's first
 * visit to "review next" is 1–30 min after submitting (half of them) or after an exponential
 * pause (mean 10 h); a review takes 10–40 min; after one, half ask for the next at once and
 * the rest come back after another pause. 5 % of leases are walked away from (the reviewer
 * returns after it expired). Reviewers stop at what they owe (--keep-reviewing: some give more);
 * a visit that finds nothing to review brings them back later, until 6 such visits in a row.
 * It is a discrete-event loop on a virtual clock: each event is a real domain call
 * (submitWork, reviewNext, submitReview, closeDueReviewWindows at each deadline) with its
 * `now`; nothing sleeps, and the seed fixes every choice. Every virtual hour it checks the
 * invariants (no submission with more reviews + live leases than it needs, no own review, at
 * most one live lease per reviewer). Then, in wall-clock time, a fresh cohort that has all
 * submitted calls reviewNext from --concurrency learners at once, --rounds times, after
 * --concurrency calls one at a time on the same state as the baseline. Every other round is
 * the floor (the limit in bench/lib/report.ts's table): the same call as bare SQL, the
 * function assignment_review_next sent straight through the driver on a pool of the same
 * size, with no application code (access check, query building, mapping).
 * Why 4 to give: with 10 % never reviewing, 3 owed supply 0.9 × 3 = 2.7 reviews per submission
 * against 3 needed, so at most ~90 % could be graded by peers whatever the matching; owed ≥
 * needed ÷ share who review (ORA2: grade 5, graded by 3). `--to-give 3` shows the shortfall.
 * Prints figures against the targets; exits non-zero only on an invariant violation.
 */

import { openOutbox } from "@lumen/jobs";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { rawSql } from "./lib/raw-sql";
import { percentile } from "./lib/stats";
import { createCohort } from "./peer/cohort";
import { measureReviewNext } from "./peer/latency";
import { histogram, loadOutcomes, outcomesByDay, summarizeOutcomes } from "./peer/outcome";
import { DEFAULT_BEHAVIOUR, planLearners } from "./peer/plan";
import { createRandom } from "./peer/random";
import { printReport } from "./peer/report";
import { simulate } from "./peer/simulate";

const { values } = benchArgs({
  options: {
    learners: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    "never-review": { type: "string", default: String(DEFAULT_BEHAVIOUR.neverReview) },
    abandon: { type: "string", default: String(DEFAULT_BEHAVIOUR.abandon) },
    abandoners: { type: "string", default: String(DEFAULT_BEHAVIOUR.abandoners) },
    "keep-reviewing": { type: "string", default: String(DEFAULT_BEHAVIOUR.keepReviewing) },
    "window-hours": { type: "string", default: "72" },
    "to-give": { type: "string", default: "4" },
    concurrency: { type: "string", default: "50" },
    rounds: { type: "string", default: "16" },
    pglite: { type: "boolean", default: false },
  },
});
const behaviour = {
  ...DEFAULT_BEHAVIOUR,
  learners: Number(values.learners),
  neverReview: Number(values["never-review"]),
  abandon: Number(values.abandon),
  abandoners: Number(values.abandoners),
  keepReviewing: Number(values["keep-reviewing"]),
};
const seed = Number(values.seed);
const DAY = 86_400_000;
const settings = {
  reviewsToGive: Number(values["to-give"]),
  reviewsNeeded: 3,
  reviewWindowHours: Number(values["window-hours"]),
  leaseMinutes: 8 * 60,
  fallback: "grade_available" as const,
};
// The week starts at the next midnight UTC: only times relative to it matter.
const start = new Date(Math.ceil(Date.now() / DAY) * DAY);
const dueAt = new Date(start.getTime() + 7 * DAY);
const end = new Date(dueAt.getTime() + settings.reviewWindowHours * 3_600_000 + 3_600_000);

const began = performance.now();
const database = await benchDatabase({ pglite: values.pglite });
const db = database.client.db;
const outbox = await openOutbox(database.client.connection);
const raw = rawSql(database.client);
console.log(`database: ${database.engine}; ${behaviour.learners} learners, seed ${seed}`);
try {
  const assignmentSettings = { ...settings, dueAt: dueAt.toISOString() };
  const cohort = await createCohort(
    { db, outbox },
    { learners: behaviour.learners, settings: assignmentSettings },
  );
  const random = createRandom(seed);
  const plans = planLearners(random, behaviour, settings.reviewsToGive);
  const setupSeconds = (performance.now() - began) / 1000;
  console.log(`cohort built in ${setupSeconds.toFixed(1)} s; simulating the week…`);
  const simStarted = performance.now();
  const sim = await simulate({
    db,
    outbox,
    lessonId: cohort.lessonId,
    rubric: cohort.rubric,
    learners: cohort.learners,
    plans,
    behaviour,
    random,
    start,
    end,
    reviewsNeeded: settings.reviewsNeeded,
    leaseMinutes: settings.leaseMinutes,
    onProgress: (at, counts) =>
      console.log(
        `  day ${Math.round((at.getTime() - start.getTime()) / DAY)}: ${counts.reviews} reviews, ` +
          `${counts.windowsClosed} windows closed (${((performance.now() - simStarted) / 1000).toFixed(0)} s)`,
      ),
  });
  const simSeconds = (performance.now() - simStarted) / 1000;
  const outcomes = await loadOutcomes(db, cohort.lessonId);
  const latencyStarted = performance.now();
  const latency =
    Number(values.rounds) > 0
      ? await measureReviewNext({
          db,
          outbox,
          learners: behaviour.learners,
          concurrency: Number(values.concurrency),
          rounds: Number(values.rounds),
          settings: assignmentSettings,
          start,
          reviewsNeeded: settings.reviewsNeeded,
          raw,
        })
      : null;
  const latencySeconds = (performance.now() - latencyStarted) / 1000;
  const reviewers = plans.filter((p) => p.quota > 0).map((p) => sim.given[p.index] ?? 0);
  const failed = printReport({
    engine: database.engine,
    seed,
    behaviour,
    settings,
    outcome: summarizeOutcomes(outcomes),
    byDay: outcomesByDay(outcomes, start),
    sim,
    givenByReviewers: {
      median: percentile(reviewers, 50),
      histogram: histogram(reviewers),
    },
    latency,
    concurrency: Number(values.concurrency),
    seconds: {
      setup: setupSeconds,
      simulation: simSeconds,
      latency: latencySeconds,
      total: (performance.now() - began) / 1000,
    },
  });
  if (failed) process.exitCode = 1;
} finally {
  await raw.close();
  await outbox.close();
  await database.dispose();
}
