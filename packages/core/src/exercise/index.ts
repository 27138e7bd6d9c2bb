/**
 * Programming exercises: editors write the prompt, tests and a reference solution; learners'
 * code is graded in the gVisor sandbox by a job of its own (see ADR 0016).
 */
export { getEditableExercise } from "./get-exercise";
export { getSubmission } from "./get-submission";
export { type GradeOutcome, type Grader, gradeExerciseSubmission } from "./grade";
export {
  CODE_MAX,
  type EditableTest,
  type EditableTestInput,
  EXERCISE_TESTS_MAX,
  type ExerciseSettings,
  exerciseLessonInput,
  type SaveExerciseInput,
  type SubmitCodeInput,
  saveDraftInput,
  saveExerciseInput,
  submissionInput,
  submitCodeInput,
  TIME_LIMIT_MAX_MS,
} from "./inputs";
export { saveDraft } from "./save-draft";
export { saveExercise } from "./save-exercise";
export { PENDING_MAX, submitCode } from "./submit-code";
export { takeExercise } from "./take-exercise";
export type {
  EditableExercise,
  ExerciseLanguage,
  LearnerExercise,
  LearnerSampleTest,
  SubmissionPurpose,
  SubmissionStatus,
  SubmissionTestResult,
  SubmissionView,
  SubmitCodeResult,
} from "./types";
export { gradingUnavailableReason } from "./waiting";
