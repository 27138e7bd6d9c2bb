import {
  closeDueReviewWindows,
  reviewNext,
  submitReview,
  submitWork,
} from "@lumen/core/assignment";
import { ConflictError } from "@lumen/core/kernel";
import { scoresFor } from "@lumen/core/testing";
import type { Database, RubricCriterion } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { Learner } from "./cohort";
import { countViolations, NO_VIOLATIONS, type Violations, worst } from "./invariants";
import { type Behaviour, EventQueue, type LearnerPlan, returnDelay } from "./plan";
import type { Random } from "./random";

type SimEvent =
  | { kind: "close" }
  | { kind: "audit" }
  | { kind: "submit"; learner: number }
  | { kind: "visit"; learner: number }
  | { kind: "review"; learner: number; reviewId: string };

/** Ranks at one instant: windows close first, then learners act, then the audit looks. */
const CLOSE = 0;
const ACT = 1;
const AUDIT = 2;
const HOUR = 3_600_000;

export interface SimulationCounts {
  reviewNextCalls: number;
  leases: number;
  resumed: number;
  abandoned: number;
  noneAvailable: number;
  reviews: number;
  /** Reviews refused: the lease expired, or the window closed while the reviewer wrote. */
  refused: number;
  windowsClosed: number;
  audits: number;
}

/**
 * The discrete-event loop over the virtual week (see bench/peer.ts for the model). Every
 * action is a real domain call at the event's virtual time; nothing sleeps.
 */
export async function simulate(o: {
  db: Database;
  outbox: Outbox;
  lessonId: string;
  rubric: RubricCriterion[];
  learners: Learner[];
  plans: LearnerPlan[];
  behaviour: Behaviour;
  random: Random;
  start: Date;
  /** When the last window has closed: the loop stops here. */
  end: Date;
  reviewsNeeded: number;
  leaseMinutes: number;
  onProgress?: (at: Date, counts: SimulationCounts) => void;
}) {
  const { db, outbox, lessonId, random, behaviour: b } = o;
  const t0 = o.start.getTime();
  const endAt = o.end.getTime();
  const queue = new EventQueue<SimEvent>();
  const state = o.plans.map(() => ({ given: 0, emptyVisits: 0, leases: 0 }));
  const counts: SimulationCounts = {
    reviewNextCalls: 0,
    leases: 0,
    resumed: 0,
    abandoned: 0,
    noneAvailable: 0,
    reviews: 0,
    refused: 0,
    windowsClosed: 0,
    audits: 0,
  };
  let violations: Violations = NO_VIOLATIONS;
  /** Wall-clock ms of each reviewNext call (one caller at a time: the loop is sequential). */
  const reviewNextMs: number[] = [];
  for (const plan of o.plans) {
    queue.push(t0 + plan.submitAfter, { kind: "submit", learner: plan.index }, ACT);
  }
  for (let at = t0 + HOUR; at <= endAt; at += HOUR) queue.push(at, { kind: "audit" }, AUDIT);

  const later = (learner: number, at: number) => {
    if (at <= endAt) queue.push(at, { kind: "visit", learner }, ACT);
  };
  for (let next = queue.pop(); next && next.at <= endAt; next = queue.pop()) {
    const { at, event } = next;
    const now = new Date(at);
    if (event.kind === "close") {
      counts.windowsClosed += (await closeDueReviewWindows({ db, outbox, now })).length;
      continue;
    }
    if (event.kind === "audit") {
      counts.audits++;
      violations = worst(
        violations,
        await countViolations(db, { lessonId, needed: o.reviewsNeeded, now }),
      );
      if (counts.audits % 24 === 0) o.onProgress?.(now, counts);
      continue;
    }
    const plan = o.plans[event.learner] as LearnerPlan;
    const learner = o.learners[event.learner] as Learner;
    const me = state[event.learner] as (typeof state)[number];
    if (event.kind === "submit") {
      const result = await submitWork({
        db,
        outbox,
        user: learner.user,
        input: { lessonId, body: `Essay by learner ${plan.index + 1}.` },
        now,
      });
      queue.push(new Date(result.reviewDeadline).getTime(), { kind: "close" }, CLOSE);
      if (plan.quota > 0) later(plan.index, at + plan.firstVisitAfter);
      continue;
    }
    if (event.kind === "visit") {
      if (me.given >= plan.quota) continue;
      counts.reviewNextCalls++;
      const started = performance.now();
      const result = await reviewNext({ db, user: learner.user, input: { lessonId }, now });
      reviewNextMs.push(performance.now() - started);
      if (!result.lease) {
        counts.noneAvailable++;
        me.emptyVisits++;
        if (me.emptyVisits < b.giveUpAfterEmptyVisits) {
          later(plan.index, at + returnDelay(random, b));
        }
        continue;
      }
      me.emptyVisits = 0;
      if (result.resumed) counts.resumed++;
      else counts.leases++;
      me.leases++;
      if (random.chance(b.abandon) || plan.abandonsAll) {
        // Walks away; comes back only after the lease has expired.
        counts.abandoned++;
        if (plan.abandonsAll && me.leases >= plan.quota) continue;
        later(plan.index, at + o.leaseMinutes * 60_000 + returnDelay(random, b));
        continue;
      }
      const minutes = random.between(b.reviewMinutes[0], b.reviewMinutes[1]);
      queue.push(
        at + Math.floor(minutes * 60_000),
        {
          kind: "review",
          learner: plan.index,
          reviewId: result.lease.reviewId,
        },
        ACT,
      );
      continue;
    }
    const points = o.rubric.map((c) => random.pick(c.levels).points);
    try {
      await submitReview({
        db,
        outbox,
        user: learner.user,
        input: { reviewId: event.reviewId, scores: scoresFor(o.rubric, points) },
        now,
      });
      counts.reviews++;
      me.given++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      counts.refused++;
    }
    if (me.given >= plan.quota) continue;
    later(plan.index, random.chance(b.continueSession) ? at + 60_000 : at + returnDelay(random, b));
  }
  // Whatever is still due at the end (nothing should be: the loop ran past the last window).
  counts.windowsClosed += (await closeDueReviewWindows({ db, outbox, now: o.end })).length;
  violations = worst(
    violations,
    await countViolations(db, { lessonId, needed: o.reviewsNeeded, now: o.end }),
  );
  return { counts, violations, reviewNextMs, given: state.map((s) => s.given) };
}
