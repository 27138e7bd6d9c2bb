import { findActiveEnrollment, loadStandings } from "../enrollment";
import type { Queryable, SessionUser } from "../kernel";
import type { RatedCourse } from "./access";
import type { RatingPolicy } from "./policy";

/** Whether the viewer may rate the course now, and if not, why (shown as-is). */
export type RatingEligibility =
  | { eligible: true; enrollmentId: string; percent: number }
  | {
      eligible: false;
      reason: "signed_out" | "staff" | "not_enrolled" | "too_early";
      message: string;
      /** The viewer's completion and the share needed, when `too_early`. */
      percent?: number;
      requiredPercent?: number;
    };

/**
 * An actively enrolled learner who has completed at least the policy's share of the course
 * (its exact completion percent over required lessons) may rate it; its staff may not.
 */
export async function ratingEligibility(
  db: Queryable,
  user: SessionUser | null,
  course: RatedCourse,
  policy: RatingPolicy,
): Promise<RatingEligibility> {
  if (!user) {
    return { eligible: false, reason: "signed_out", message: "Sign in to rate this course." };
  }
  if (course.isStaff) {
    return {
      eligible: false,
      reason: "staff",
      message: "Instructors and admins of a course can't rate it.",
    };
  }
  const enrollment = await findActiveEnrollment(db, user.id, course.id);
  if (!enrollment) {
    return {
      eligible: false,
      reason: "not_enrolled",
      message: "Enroll in this course to rate it.",
    };
  }
  const [standing] = await loadStandings(db, [enrollment.id]);
  const percent = standing?.percent ?? 0;
  const required = policy.minCompletionPercent;
  if (percent < required) {
    return {
      eligible: false,
      reason: "too_early",
      message: `Complete at least ${required} % of this course to rate it (you have completed ${percent} %).`,
      percent,
      requiredPercent: required,
    };
  }
  return { eligible: true, enrollmentId: enrollment.id, percent };
}
