import type { Database, RubricCriterion, RubricScore } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import { openAssignmentForEditing, openSubmissionAsStaff } from "./access";
import { loadAssignment } from "./load";
import type { GradeView, ReceivedReview } from "./types";
import { gradeOf, receivedReviews } from "./views";

export type BacklogState = "waiting" | "in_review" | "graded" | "flagged" | "needs_staff";

export interface BacklogSubmission {
  id: string;
  learnerName: string;
  state: BacklogState;
  submittedAt: string;
  reviewDeadline: string;
  reviewsDone: number;
  leasesLive: number;
  gradePercent: number | null;
  gradedBy: GradeView["gradedBy"] | null;
  openFlags: number;
}

export interface AssignmentBacklog {
  lessonId: string;
  reviewsNeeded: number;
  reviewsToGive: number;
  counts: Record<BacklogState, number>;
  submissions: BacklogSubmission[];
  /** Reviews each learner who submitted has given (not which submissions: reviewers stay anonymous). */
  reviewers: Array<{ learnerName: string; given: number }>;
  flagged: Array<{
    reviewId: string;
    submissionId: string;
    authorName: string;
    reason: string;
    flaggedAt: string;
    resolution: string | null;
  }>;
}

type SubmissionStatus = "submitted" | "in_review" | "graded" | "needs_staff";

/** SQL: the open (unresolved) flags on the reviews of a submission. */
const openFlagsOf = (submissionId: SQL) => sql<number>`(select count(*)::int
  from assignment_reviews r where r.submission_id = ${submissionId}
    and r.flagged_at is not null and r.flag_resolution is null)`;

/** Where a submission stands in the backlog: an open flag needs staff first, whatever its status. */
function backlogStateOf(status: SubmissionStatus, openFlags: number): BacklogState {
  return Number(openFlags) > 0 ? "flagged" : status === "submitted" ? "waiting" : status;
}

const emptyCounts = (): Record<BacklogState, number> => ({
  waiting: 0,
  in_review: 0,
  graded: 0,
  flagged: 0,
  needs_staff: 0,
});

/**
 * The backlog counts of several assignments at once (the dashboard's assessments tab), by the
 * same states as getBacklog. No access check: the caller has checked the course.
 */
export async function countBacklogs(
  db: Database,
  lessonIds: readonly string[],
): Promise<Map<string, Record<BacklogState, number>>> {
  const byLesson = new Map(lessonIds.map((id) => [id, emptyCounts()]));
  if (lessonIds.length === 0) return byLesson;
  const { rows } = await db.execute<{
    lesson_id: string;
    status: SubmissionStatus;
    open_flags: number;
    n: number;
  }>(sql`
    select s.lesson_id, s.status, least(1, ${openFlagsOf(sql`s.id`)}) as open_flags, count(*)::int as n
    from assignment_submissions s
    where s.lesson_id in ${[...lessonIds]}
    group by 1, 2, 3`);
  for (const r of rows) {
    const counts = byLesson.get(r.lesson_id);
    if (counts) counts[backlogStateOf(r.status, r.open_flags)] += Number(r.n);
  }
  return byLesson;
}

/**
 * The staff view of one assignment: every submission by state, reviews given per learner,
 * and flagged reviews. Reviewer identities are not in it: staff grade the work, not the people
 * who reviewed it.
 */
export async function getBacklog({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
  now?: Date;
}): Promise<AssignmentBacklog> {
  await openAssignmentForEditing(db, user, input.lessonId);
  const { settings } = await loadAssignment(db, input.lessonId);
  const at = now.toISOString();
  const { rows } = await db.execute<{
    id: string;
    learner_name: string;
    status: SubmissionStatus;
    submitted_at: string;
    review_deadline: string;
    reviews_done: number;
    leases_live: number;
    grade_percent: number | null;
    graded_by: GradeView["gradedBy"] | null;
    open_flags: number;
    given: number;
  }>(sql`
    select s.id, u.name as learner_name, s.status, s.submitted_at, s.review_deadline,
      s.grade_percent, s.graded_by,
      (select count(*)::int from assignment_reviews r
        where r.submission_id = s.id and r.submitted_at is not null) as reviews_done,
      (select count(*)::int from assignment_reviews r where r.submission_id = s.id
        and r.submitted_at is null and r.lease_expires_at > ${at}::timestamptz) as leases_live,
      ${openFlagsOf(sql`s.id`)} as open_flags,
      (select count(*)::int from assignment_reviews r where r.reviewer_enrollment_id = s.enrollment_id
        and r.lesson_id = s.lesson_id and r.submitted_at is not null) as given
    from assignment_submissions s join users u on u.id = s.user_id
    where s.lesson_id = ${input.lessonId}
    order by s.submitted_at, s.id`);
  const counts = emptyCounts();
  const submissions = rows.map((r): BacklogSubmission => {
    const state = backlogStateOf(r.status, r.open_flags);
    counts[state]++;
    return {
      id: r.id,
      learnerName: r.learner_name,
      state,
      submittedAt: new Date(r.submitted_at).toISOString(),
      reviewDeadline: new Date(r.review_deadline).toISOString(),
      reviewsDone: Number(r.reviews_done),
      leasesLive: Number(r.leases_live),
      gradePercent: r.grade_percent === null ? null : Number(r.grade_percent),
      gradedBy: r.graded_by,
      openFlags: Number(r.open_flags),
    };
  });
  const flagged = await db.execute<{
    review_id: string;
    submission_id: string;
    author_name: string;
    flag_reason: string;
    flagged_at: string;
    flag_resolution: string | null;
  }>(sql`
    select r.id as review_id, r.submission_id, u.name as author_name, r.flag_reason,
      r.flagged_at, r.flag_resolution
    from assignment_reviews r
    join assignment_submissions s on s.id = r.submission_id
    join users u on u.id = s.user_id
    where r.lesson_id = ${input.lessonId} and r.flagged_at is not null
    order by r.flag_resolution is not null, r.flagged_at`);
  return {
    lessonId: input.lessonId,
    reviewsNeeded: settings.reviewsNeeded,
    reviewsToGive: settings.reviewsToGive,
    counts,
    submissions,
    reviewers: rows.map((r) => ({ learnerName: r.learner_name, given: Number(r.given) })),
    flagged: flagged.rows.map((f) => ({
      reviewId: f.review_id,
      submissionId: f.submission_id,
      authorName: f.author_name,
      reason: f.flag_reason,
      flaggedAt: new Date(f.flagged_at).toISOString(),
      resolution: f.flag_resolution,
    })),
  };
}

export interface StaffSubmissionView {
  id: string;
  learnerName: string;
  body: string;
  status: "submitted" | "in_review" | "graded" | "needs_staff";
  rubric: RubricCriterion[];
  grade: GradeView | null;
  reviews: ReceivedReview[];
}

/** One submission for staff: the work, its anonymous reviews and its grade, to grade or override. */
export async function getSubmissionForStaff({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { submissionId: string };
}): Promise<StaffSubmissionView> {
  const submission = await openSubmissionAsStaff(db, user, input.submissionId);
  const { rubric } = await loadAssignment(db, submission.lessonId);
  const { rows } = await db.execute<{
    id: string;
    scores: RubricScore[];
    flagged_at: string | null;
    flag_reason: string | null;
    flag_resolution: string | null;
  }>(sql`select r.id, r.scores, r.flagged_at, r.flag_reason, r.flag_resolution
    from assignment_reviews r where r.submission_id = ${submission.id} and r.submitted_at is not null
    order by r.submitted_at, r.id`);
  const [author] = (
    await db.execute<{ name: string }>(sql`select name from users where id = ${submission.userId}`)
  ).rows;
  return {
    id: submission.id,
    learnerName: author?.name ?? "",
    body: submission.body,
    status: submission.status,
    rubric,
    grade: gradeOf(submission),
    reviews: receivedReviews(
      rows.map((r) => ({
        id: r.id,
        scores: r.scores,
        flaggedAt: r.flagged_at,
        flagReason: r.flag_reason,
        flagResolution: r.flag_resolution,
      })),
    ),
  };
}
