import type { EditableQuestion, QuizSettings } from "./inputs";

/** The quiz as its editors see it: answers included. */
export interface EditableQuiz {
  lessonId: string;
  settings: QuizSettings;
  questions: Array<EditableQuestion & { id: string }>;
  /** Attempts learners have submitted; editing is allowed, past scores stay as graded. */
  attemptCount: number;
}

/** A question as a learner sees it: never the answer. */
export interface LearnerQuestion {
  id: string;
  kind: EditableQuestion["kind"];
  prompt: string;
  points: number;
  /** Choice kinds only, in display order. */
  options: Array<{ id: string; text: string }>;
}

export interface QuestionFeedback {
  questionId: string;
  correct: boolean;
  pointsAwarded: number;
  points: number;
  explanation: string;
}

export interface AttemptResult {
  attemptId: string;
  attemptNumber: number;
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  passed: boolean;
  submittedAt: string;
  feedback: QuestionFeedback[];
}

/** What `quiz.take` returns: the questions without answers, and the learner's attempts. */
export interface LearnerQuiz {
  lessonId: string;
  settings: QuizSettings;
  questions: LearnerQuestion[];
  maxPoints: number;
  /** Newest first. */
  attempts: AttemptResult[];
  attemptsLeft: number | null;
  bestPercent: number | null;
  passed: boolean;
  /** The enrollment the attempts belong to; null for an editor previewing. */
  enrollmentId: string | null;
}

/** What `quiz.submit` returns; `replayed` is true when the attempt id was already graded. */
export interface SubmitResult {
  attempt: AttemptResult;
  replayed: boolean;
  attemptsLeft: number | null;
  bestPercent: number;
  passed: boolean;
}
