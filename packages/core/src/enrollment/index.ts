/**
 * Enrollments: joining and leaving a course, the learner's list, and an enrollment's exact
 * standing (completion over required lessons, quizzes to pass, certificate eligibility).
 */
export { type ActiveEnrollment, findActiveEnrollment, isActiveEnrollment } from "./active";
export { enrollInCourse } from "./enroll";
export { type EnrollmentCourseInput, enrollmentCourseInput } from "./inputs";
export {
  listMyEnrollments,
  type MyEnrollment,
  type MyEnrollmentsPage,
  pageOfMyEnrollments,
} from "./list-mine";
export {
  completionPercent,
  type EnrollmentStanding,
  getEnrollmentStanding,
  isEligibleForCertificate,
  loadStandings,
  quizPassed,
  type StandingRow,
} from "./standing";
export { unenrollFromCourse } from "./unenroll";
