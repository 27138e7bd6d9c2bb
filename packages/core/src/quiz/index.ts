/** Quizzes: editors write them (answers included); learners take them, graded on the server. */
export { getEditableQuiz } from "./get-quiz";
export {
  type EditableQuestion,
  type EditableQuestionInput,
  editableQuestion,
  type LearnerResponse,
  learnerResponse,
  quizLessonInput,
  type SaveQuizInput,
  type SubmitQuizInput,
  saveQuizInput,
  submitQuizInput,
} from "./inputs";
export { saveQuiz } from "./save-quiz";
export { submitQuiz } from "./submit-quiz";
export { takeQuiz } from "./take-quiz";
export type { EditableQuiz, LearnerQuiz, SubmitResult } from "./types";
