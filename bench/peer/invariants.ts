import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";

/** What must never happen, counted at one instant of the virtual clock. */
export interface Violations {
  /** Submissions with more submitted reviews + live leases than they need. */
  overLeased: number;
  /** Reviews (or leases) of a learner's own submission. */
  ownReviews: number;
  /** Reviewers holding more than one live lease (unexpired, on a submission open for review). */
  doubleLeases: number;
}

export async function countViolations(
  db: Database,
  { lessonId, needed, now }: { lessonId: string; needed: number; now: Date },
): Promise<Violations> {
  const at = now.toISOString();
  const { rows } = await db.execute<{ over: number; own: number; double: number }>(sql`
    select
      (select count(*)::int from (
         select r.submission_id from assignment_reviews r
         where r.lesson_id = ${lessonId}
           and (r.submitted_at is not null or r.lease_expires_at > ${at}::timestamptz)
         group by r.submission_id having count(*) > ${needed}) o) as over,
      (select count(*)::int from assignment_reviews r
         join assignment_submissions s on s.id = r.submission_id
         where r.lesson_id = ${lessonId} and r.reviewer_enrollment_id = s.enrollment_id) as own,
      (select count(*)::int from (
         select r.reviewer_enrollment_id from assignment_reviews r
         join assignment_submissions s on s.id = r.submission_id
         where r.lesson_id = ${lessonId} and r.submitted_at is null
           and r.lease_expires_at > ${at}::timestamptz
           and s.status in ('submitted', 'in_review')
         group by r.reviewer_enrollment_id having count(*) > 1) d) as double`);
  const row = rows[0];
  return {
    overLeased: Number(row?.over ?? 0),
    ownReviews: Number(row?.own ?? 0),
    doubleLeases: Number(row?.double ?? 0),
  };
}

/** The worst of each count over several instants. */
export function worst(a: Violations, b: Violations): Violations {
  return {
    overLeased: Math.max(a.overLeased, b.overLeased),
    ownReviews: Math.max(a.ownReviews, b.ownReviews),
    doubleLeases: Math.max(a.doubleLeases, b.doubleLeases),
  };
}

export const NO_VIOLATIONS: Violations = { overLeased: 0, ownReviews: 0, doubleLeases: 0 };
