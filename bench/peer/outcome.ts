import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import { percentile } from "../lib/stats";

export interface SubmissionOutcome {
  status: "submitted" | "in_review" | "graded" | "needs_staff";
  gradedBy: "peers" | "peers_partial" | "staff" | "override" | null;
  submittedAt: Date;
  gradedAt: Date | null;
  reviewDeadline: Date;
  /** Submitted reviews. */
  reviews: number;
}

export async function loadOutcomes(db: Database, lessonId: string): Promise<SubmissionOutcome[]> {
  const { rows } = await db.execute<{
    status: SubmissionOutcome["status"];
    graded_by: SubmissionOutcome["gradedBy"];
    submitted_at: string | Date;
    graded_at: string | Date | null;
    review_deadline: string | Date;
    reviews: number;
  }>(sql`
    select s.status, s.graded_by, s.submitted_at, s.graded_at, s.review_deadline,
      (select count(*)::int from assignment_reviews r
        where r.submission_id = s.id and r.submitted_at is not null) as reviews
    from assignment_submissions s where s.lesson_id = ${lessonId}`);
  return rows.map((r) => ({
    status: r.status,
    gradedBy: r.graded_by,
    submittedAt: new Date(r.submitted_at),
    gradedAt: r.graded_at === null ? null : new Date(r.graded_at),
    reviewDeadline: new Date(r.review_deadline),
    reviews: Number(r.reviews),
  }));
}

const HOUR = 3_600_000;

/** The figures the issue asks for, from the submissions as the simulation left them. */
export function summarizeOutcomes(outcomes: readonly SubmissionOutcome[]) {
  const n = outcomes.length;
  const share = (f: (o: SubmissionOutcome) => boolean) =>
    n === 0 ? Number.NaN : outcomes.filter(f).length / n;
  const waits = outcomes
    .filter((o) => o.gradedAt !== null)
    .map((o) => ((o.gradedAt as Date).getTime() - o.submittedAt.getTime()) / HOUR);
  const reviews = outcomes.map((o) => o.reviews);
  return {
    submissions: n,
    peersInWindow: share(
      (o) =>
        o.gradedBy === "peers" &&
        o.gradedAt !== null &&
        o.gradedAt.getTime() <= o.reviewDeadline.getTime(),
    ),
    partial: share((o) => o.gradedBy === "peers_partial"),
    needsStaff: share((o) => o.status === "needs_staff"),
    /** Neither graded nor in the staff queue: must be none once every window closed. */
    leftOpen: outcomes.filter((o) => o.status === "submitted" || o.status === "in_review").length,
    waitHours: {
      p50: percentile(waits, 50),
      p95: percentile(waits, 95),
      max: waits.length ? Math.max(...waits) : Number.NaN,
    },
    reviews: {
      min: reviews.length ? Math.min(...reviews) : Number.NaN,
      median: percentile(reviews, 50),
      max: reviews.length ? Math.max(...reviews) : Number.NaN,
      histogram: histogram(reviews),
    },
  };
}

/** Count of each value, smallest first: "0: 3, 1: 10, …". */
export function histogram(values: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([v, c]) => `${v}: ${c}`)
    .join(", ");
}

/** Per day of the week the work was submitted: how it ended (where the misses come from). */
export function outcomesByDay(outcomes: readonly SubmissionOutcome[], start: Date) {
  const days = new Map<number, SubmissionOutcome[]>();
  for (const o of outcomes) {
    const day = Math.floor((o.submittedAt.getTime() - start.getTime()) / (24 * HOUR));
    days.set(day, [...(days.get(day) ?? []), o]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, list]) => {
      const s = summarizeOutcomes(list);
      return {
        day: day + 1,
        submissions: list.length,
        peers: s.peersInWindow,
        partial: s.partial,
        staff: s.needsStaff,
      };
    });
}
