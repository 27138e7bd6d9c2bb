import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../kernel";

/** ⌊100 × completed ÷ required⌋, 0 for a course without required lessons, never above 100. */
export function completionPercent(completedRequired: number, requiredLessons: number): number {
  if (requiredLessons <= 0) return 0;
  return Math.min(100, Math.floor((100 * completedRequired) / requiredLessons));
}

/** One enrollment's completion as of the caller's snapshot, with what the milestones need. */
export interface StandingRow {
  enrollmentId: string;
  userId: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  active: boolean;
  requiredLessons: number;
  completedRequired: number;
  assessmentsToPass: number;
  hasCertificate: boolean;
  percent: number;
}

/**
 * SQL predicate: the enrollment passed this quiz lesson. Any passed attempt counts: attempts
 * are graded once and kept, so the best one passed exactly when some attempt passed.
 */
export const quizPassed = (enrollmentId: SQL, lessonId: SQL) => sql`exists (
  select 1 from quiz_attempts a
  where a.enrollment_id = ${enrollmentId} and a.lesson_id = ${lessonId} and a.passed)`;

/** SQL predicate: the enrollment has a graded, passing attempt at this exercise lesson. */
export const exercisePassed = (enrollmentId: SQL, lessonId: SQL) => sql`exists (
  select 1 from exercise_submissions s
  where s.enrollment_id = ${enrollmentId} and s.lesson_id = ${lessonId}
    and s.purpose = 'submit' and s.passed)`;

/** SQL predicate: the enrollment's assignment submission has a passing grade (peers or staff). */
export const assignmentPassed = (enrollmentId: SQL, lessonId: SQL) => sql`exists (
  select 1 from assignment_submissions s
  where s.enrollment_id = ${enrollmentId} and s.lesson_id = ${lessonId}
    and s.status = 'graded' and s.passed)`;

/**
 * Standings of several enrollments in one set-based query. Counts come from rows (lessons in
 * the course now, joined to this enrollment's progress), never from a stored counter: each
 * lesson appears once because lesson_progress is keyed by (enrollment, lesson).
 */
export async function loadStandings(
  db: Queryable,
  enrollmentIds: readonly string[],
): Promise<StandingRow[]> {
  if (enrollmentIds.length === 0) return [];
  const ids = JSON.stringify([...new Set(enrollmentIds)]);
  const { rows } = await db.execute<{
    enrollment_id: string;
    user_id: string;
    course_id: string;
    slug: string;
    title: string;
    active: boolean;
    required_lessons: number;
    completed_required: number;
    assessments_to_pass: number;
    has_certificate: boolean;
  }>(sql`
    select e.id as enrollment_id, e.user_id, e.course_id, c.slug, c.title,
      e.unenrolled_at is null as active,
      r.required_lessons, r.completed_required, q.assessments_to_pass,
      exists (select 1 from certificates ce where ce.enrollment_id = e.id) as has_certificate
    from enrollments e
    join courses c on c.id = e.course_id
    cross join lateral (
      select count(*)::int as required_lessons, count(lp.completed_at)::int as completed_required
      from modules m join lessons l on l.module_id = m.id
      left join lesson_progress lp on lp.enrollment_id = e.id and lp.lesson_id = l.id
      where m.course_id = e.course_id and not l.is_optional
    ) r
    cross join lateral (
      select count(*)::int as assessments_to_pass
      from modules m join lessons l on l.module_id = m.id
      where m.course_id = e.course_id
        and (
          (exists (select 1 from quizzes qz where qz.lesson_id = l.id and qz.required_for_certificate)
            and not ${quizPassed(sql`e.id`, sql`l.id`)})
          or (exists (select 1 from exercises ex where ex.lesson_id = l.id and ex.required_for_certificate)
            and not ${exercisePassed(sql`e.id`, sql`l.id`)})
          or (exists (select 1 from assignments asg where asg.lesson_id = l.id and asg.required_for_certificate)
            and not ${assignmentPassed(sql`e.id`, sql`l.id`)}))
    ) q
    where e.id in (select value::uuid from json_array_elements_text(${ids}::json))`);
  return rows.map((row) => ({
    enrollmentId: row.enrollment_id,
    userId: row.user_id,
    courseId: row.course_id,
    courseSlug: row.slug,
    courseTitle: row.title,
    active: row.active,
    requiredLessons: Number(row.required_lessons),
    completedRequired: Number(row.completed_required),
    assessmentsToPass: Number(row.assessments_to_pass),
    hasCertificate: row.has_certificate,
    percent: completionPercent(Number(row.completed_required), Number(row.required_lessons)),
  }));
}

/** Reaching 100 % is not enough: every required quiz, exercise and assignment passed, and still enrolled. */
export function isEligibleForCertificate(s: StandingRow): boolean {
  return s.percent === 100 && s.assessmentsToPass === 0 && s.active;
}

/** An enrollment's exact completion and certificate eligibility, as of now. */
export interface EnrollmentStanding {
  enrollmentId: string;
  userId: string;
  courseId: string;
  percent: number;
  completedRequired: number;
  requiredLessons: number;
  /** Quizzes, exercises and assignments marked requiredForCertificate that the learner has not passed. */
  assessmentsToPass: number;
  /** percent === 100 && assessmentsToPass === 0 && the enrollment is active. */
  eligibleForCertificate: boolean;
}

export async function getEnrollmentStanding(
  db: Queryable,
  enrollmentId: string,
): Promise<EnrollmentStanding | null> {
  const [s] = await loadStandings(db, [enrollmentId]);
  if (!s) return null;
  return {
    enrollmentId: s.enrollmentId,
    userId: s.userId,
    courseId: s.courseId,
    percent: s.percent,
    completedRequired: s.completedRequired,
    requiredLessons: s.requiredLessons,
    assessmentsToPass: s.assessmentsToPass,
    eligibleForCertificate: isEligibleForCertificate(s),
  };
}
