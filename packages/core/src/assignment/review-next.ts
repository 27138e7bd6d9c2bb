import {
  assignmentExamples,
  assignmentReviews,
  assignmentSubmissions,
  type Database,
  enrollments,
} from "@lumen/db";
import { and, count, eq, gt, isNull, type SQL, sql } from "drizzle-orm";
import { ForbiddenError, type Queryable, type SessionUser, type Transaction } from "../kernel";
import { openAssignmentAsLearner } from "./access";
import { calibrationOf, loadAssignment } from "./load";

export interface ReviewLease {
  reviewId: string;
  submissionId: string;
  body: string;
  leaseExpiresAt: string;
}

/** Why "review next" has nothing to hand out; the page says what to do about each. */
export type NoLeaseReason = "submit_first" | "calibrate_first" | "none_available";

export type ReviewNextResult =
  /** resumed: the reviewer's lease that was still live, handed back. */
  { lease: ReviewLease; resumed: boolean } | { lease: null; reason: NoLeaseReason };

/** Candidates one call locks in turn before giving up (others may have just filled them). */
const ATTEMPTS = 5;

/**
 * "Review next": leases the reviewer one submission of their cohort to review. Never their
 * own, never one they reviewed, never one that has all the reviews (completed or leased) it
 * needs; the fewest completed + leased reviews first, then the oldest. A reviewer holds at
 * most one live lease per assignment: asking again returns it.
 *
 * Concurrency: the reviewer's enrollment row lock serializes one reviewer's calls; a candidate
 * is locked with SKIP LOCKED (concurrent reviewers take different submissions instead of
 * queueing behind one; only when every candidate left is held does a call queue, boundedly,
 * for the best one) and its reviews are counted again under that lock, because every lease
 * of a submission is written under its row lock — so no submission is ever leased to more
 * reviewers than it needs.
 */
export async function reviewNext({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
  now?: Date;
}): Promise<ReviewNextResult> {
  const { lessonId, enrollmentId } = await openAssignmentAsLearner(db, user, input.lessonId);
  return db.transaction(async (tx) => {
    const [enrollment] = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.unenrolledAt)))
      .for("no key update");
    if (!enrollment) throw new ForbiddenError("Enroll in this course to review submissions.");
    const [own] = await tx
      .select({ cohort: assignmentSubmissions.cohort })
      .from(assignmentSubmissions)
      .where(
        and(
          eq(assignmentSubmissions.lessonId, lessonId),
          eq(assignmentSubmissions.enrollmentId, enrollmentId),
        ),
      );
    if (!own) return { lease: null, reason: "submit_first" as const };
    const held = await liveLease(tx, lessonId, enrollmentId, now);
    if (held) return { lease: held, resumed: true };
    const [examples] = await tx
      .select({ n: count() })
      .from(assignmentExamples)
      .where(eq(assignmentExamples.lessonId, lessonId));
    if ((examples?.n ?? 0) > 0) {
      const { done } = await calibrationOf(tx, enrollmentId, lessonId);
      if (done < (examples?.n ?? 0)) return { lease: null, reason: "calibrate_first" as const };
    }
    const { settings } = await loadAssignment(tx, lessonId);
    const tried: string[] = [];
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const q = {
        lessonId,
        cohort: own.cohort,
        enrollmentId,
        needed: settings.reviewsNeeded,
        now,
        tried,
      };
      const candidate =
        (await lockCandidate(tx, q, "skip")) ?? (await lockCandidate(tx, q, "wait"));
      if (!candidate) break;
      tried.push(candidate);
      if ((await liveReviews(tx, candidate, now)) >= settings.reviewsNeeded) continue;
      const leaseExpiresAt = new Date(now.getTime() + settings.leaseMinutes * 60_000);
      const [review] = await tx
        .insert(assignmentReviews)
        .values({
          submissionId: candidate,
          lessonId,
          reviewerEnrollmentId: enrollmentId,
          leasedAt: now,
          leaseExpiresAt,
        })
        .onConflictDoUpdate({
          target: [assignmentReviews.submissionId, assignmentReviews.reviewerEnrollmentId],
          set: { leasedAt: now, leaseExpiresAt },
          // Only an expired, never-submitted lease of this reviewer is renewed.
          setWhere: isNull(assignmentReviews.submittedAt),
        })
        .returning({ id: assignmentReviews.id });
      if (!review) continue;
      const [locked] = await tx
        .update(assignmentSubmissions)
        .set({
          status: sql`case when ${assignmentSubmissions.status} = 'submitted' then 'in_review'::assignment_submission_status else ${assignmentSubmissions.status} end`,
        })
        .where(eq(assignmentSubmissions.id, candidate))
        .returning({ body: assignmentSubmissions.body });
      return {
        lease: {
          reviewId: review.id,
          submissionId: candidate,
          body: locked?.body ?? "",
          leaseExpiresAt: leaseExpiresAt.toISOString(),
        },
        resumed: false,
      };
    }
    return { lease: null, reason: "none_available" as const };
  });
}

/** Reviews that count toward a submission's need: submitted ones and live leases. */
export async function liveReviews(tx: Transaction, submissionId: string, now: Date) {
  const { rows } = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from assignment_reviews r
    where r.submission_id = ${submissionId}
      and (r.submitted_at is not null or r.lease_expires_at > ${now.toISOString()}::timestamptz)`);
  return Number(rows[0]?.n ?? 0);
}

/** How long "review next" waits for a submission another transaction holds (see lockCandidate). */
const WAIT_FOR_CANDIDATE = "500ms";

/**
 * Locks the best candidate. "skip" passes over submissions other transactions hold, so
 * concurrent reviewers spread over the pool. When every candidate left is held (a scarce
 * pool: many reviewers at the last submissions that still need reviews), "wait" queues for
 * the best one instead — answering "none available" then would turn reviewers away from
 * work that is there. The wait is bounded (lock_timeout, in a savepoint that releases what
 * it took), and shorter than Postgres's deadlock_timeout, so a wait that could never end
 * gives up quietly rather than failing another transaction.
 */
async function lockCandidate(
  tx: Transaction,
  q: {
    lessonId: string;
    cohort: string;
    enrollmentId: string;
    needed: number;
    now: Date;
    tried: readonly string[];
  },
  mode: "skip" | "wait",
): Promise<string | null> {
  if (mode === "wait") {
    return tx
      .transaction(async (sp) => {
        const { rows } = await sp.execute<{ before: string }>(
          sql`select current_setting('lock_timeout') as before, set_config('lock_timeout', ${WAIT_FOR_CANDIDATE}, true)`,
        );
        const id = await selectCandidate(sp, q, sql``);
        await sp.execute(sql`select set_config('lock_timeout', ${rows[0]?.before ?? "0"}, true)`);
        return id;
      })
      .catch((error: unknown) => {
        if (isLockTimeout(error)) return null;
        throw error;
      });
  }
  return selectCandidate(tx, q, sql`skip locked`);
}

/** Postgres lock_not_available (lock_timeout), whichever driver (or drizzle wrapper) reports it. */
function isLockTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ("code" in e && e.code === "55P03") return true;
  }
  return false;
}

async function selectCandidate(
  tx: Transaction,
  q: Parameters<typeof lockCandidate>[1],
  skip: SQL,
): Promise<string | null> {
  const now = q.now.toISOString();
  const tried = JSON.stringify(q.tried);
  // A reviewer whose own lease on a submission expired is offered it again first, so the
  // review they kept in the form can still be submitted (against the new lease).
  const { rows } = await tx.execute<{ id: string }>(sql`
    select s.id from assignment_submissions s
    cross join lateral (
      select count(*) filter (where r.submitted_at is not null
               or r.lease_expires_at > ${now}::timestamptz) as live,
             bool_or(r.reviewer_enrollment_id = ${q.enrollmentId}) as mine
      from assignment_reviews r where r.submission_id = s.id
    ) c
    where s.lesson_id = ${q.lessonId} and s.cohort = ${q.cohort}
      and s.status in ('submitted', 'in_review')
      and s.enrollment_id <> ${q.enrollmentId}
      and s.review_deadline > ${now}::timestamptz
      and c.live < ${q.needed}
      and not exists (select 1 from assignment_reviews r
        where r.submission_id = s.id and r.reviewer_enrollment_id = ${q.enrollmentId}
          and r.submitted_at is not null)
      and s.id not in (select value::uuid from json_array_elements_text(${tried}::json))
    order by coalesce(c.mine, false) desc, c.live, s.submitted_at, s.id
    limit 1
    for update of s ${skip}`);
  return rows[0]?.id ?? null;
}

/** The reviewer's live lease in this assignment, on a submission still open for review. */
export async function liveLease(
  tx: Queryable,
  lessonId: string,
  enrollmentId: string,
  now: Date,
): Promise<ReviewLease | null> {
  const [row] = await tx
    .select({
      reviewId: assignmentReviews.id,
      submissionId: assignmentReviews.submissionId,
      body: assignmentSubmissions.body,
      leaseExpiresAt: assignmentReviews.leaseExpiresAt,
    })
    .from(assignmentReviews)
    .innerJoin(assignmentSubmissions, eq(assignmentSubmissions.id, assignmentReviews.submissionId))
    .where(
      and(
        eq(assignmentReviews.lessonId, lessonId),
        eq(assignmentReviews.reviewerEnrollmentId, enrollmentId),
        isNull(assignmentReviews.submittedAt),
        gt(assignmentReviews.leaseExpiresAt, now),
        sql`${assignmentSubmissions.status} in ('submitted', 'in_review')`,
      ),
    );
  if (!row) return null;
  return { ...row, leaseExpiresAt: row.leaseExpiresAt.toISOString() };
}
