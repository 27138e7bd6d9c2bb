import type { Random } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How the simulated cohort behaves; every figure is printed with the results. */
export interface Behaviour {
  learners: number;
  /** Share of learners who never review anyone. */
  neverReview: number;
  /** Share of leases walked away from (never submitted; they expire after the lease time). */
  abandon: number;
  /** Share of reviewing learners who walk away from every lease they take (as many as they owe). */
  abandoners: number;
  /** Share of reviewing learners who keep reviewing after they gave what they owe… */
  keepReviewing: number;
  /** …up to this many reviews more. */
  extraReviews: number;
  /** Share of reviewers who start reviewing right after submitting (the rest come back later). */
  reviewRightAway: number;
  /** Mean hours until a reviewer comes back (after submitting, a pause, or nothing to review). */
  meanReturnHours: number;
  /** Share of finished reviews after which the reviewer asks for the next one at once. */
  continueSession: number;
  /** A review takes this many minutes (uniform). */
  reviewMinutes: [number, number];
  /** Visits in a row that find nothing to review before a learner stops coming back. */
  giveUpAfterEmptyVisits: number;
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  learners: 1_000,
  neverReview: 0.1,
  abandon: 0.05,
  abandoners: 0,
  keepReviewing: 0,
  extraReviews: 3,
  reviewRightAway: 0.5,
  meanReturnHours: 10,
  continueSession: 0.5,
  reviewMinutes: [10, 40],
  giveUpAfterEmptyVisits: 6,
};

/**
 * When submissions arrive over the week (fractions of it): most in the first two days, a
 * steady middle, and a rush on the last day before the due date.
 */
export const ARRIVALS: ReadonlyArray<{ share: number; fromDay: number; toDay: number }> = [
  { share: 0.55, fromDay: 0, toDay: 2 },
  { share: 0.35, fromDay: 2, toDay: 6 },
  { share: 0.1, fromDay: 6, toDay: 7 },
];

export interface LearnerPlan {
  index: number;
  /** Virtual ms after the week starts. */
  submitAfter: number;
  /** Reviews this learner intends to give: 0, what they owe, or more. */
  quota: number;
  /** Delay from submitting to the first visit to "review next". */
  firstVisitAfter: number;
  /** Takes leases and never submits one (gives up after as many as they owe). */
  abandonsAll: boolean;
}

/** Every learner's plan, drawn from `random` in learner order (deterministic per seed). */
export function planLearners(random: Random, b: Behaviour, owed: number): LearnerPlan[] {
  const plans: LearnerPlan[] = [];
  for (let index = 0; index < b.learners; index++) {
    const u = random.next();
    let acc = 0;
    let band = ARRIVALS[ARRIVALS.length - 1] as (typeof ARRIVALS)[number];
    for (const a of ARRIVALS) {
      acc += a.share;
      if (u < acc) {
        band = a;
        break;
      }
    }
    const submitAfter = Math.floor(random.between(band.fromDay * DAY, band.toDay * DAY));
    const reviews = !random.chance(b.neverReview);
    const quota = reviews ? owed + (random.chance(b.keepReviewing) ? b.extraReviews : 0) : 0;
    const abandonsAll = random.chance(b.abandoners) && reviews;
    const firstVisitAfter = random.chance(b.reviewRightAway)
      ? random.between(1, 30) * 60_000
      : returnDelay(random, b);
    plans.push({
      index,
      submitAfter,
      quota,
      firstVisitAfter: Math.floor(firstVisitAfter),
      abandonsAll,
    });
  }
  return plans;
}

/** A reviewer's time away before the next visit: at least 10 minutes. */
export function returnDelay(random: Random, b: Behaviour): number {
  return Math.floor(Math.max(10 * 60_000, random.exponential(b.meanReturnHours * HOUR)));
}

/** A discrete-event queue: earliest time first, then lower rank, then insertion order. */
export class EventQueue<T> {
  private heap: Array<{ at: number; rank: number; seq: number; event: T }> = [];
  private seq = 0;

  get size() {
    return this.heap.length;
  }

  push(at: number, event: T, rank = 1) {
    this.heap.push({ at, rank, seq: this.seq++, event });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { at: number; event: T } | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (!top || !last) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.before(l, m)) m = l;
        if (r < this.heap.length && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return { at: top.at, event: top.event };
  }

  private before(a: number, b: number) {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return false;
    return x.at !== y.at ? x.at < y.at : x.rank !== y.rank ? x.rank < y.rank : x.seq < y.seq;
  }

  private swap(a: number, b: number) {
    const x = this.heap[a];
    const y = this.heap[b];
    if (!x || !y) return;
    this.heap[a] = y;
    this.heap[b] = x;
  }
}
