import type { EditableQuestion, LearnerResponse } from "./inputs";
import type { QuestionFeedback } from "./types";

/** Numeric answers within tolerance; the epsilon absorbs float noise (0.1 + 0.2 vs 0.3). */
const FLOAT_SLACK = 1e-9;

/** Sentence punctuation a learner may type after an answer; "C#" or "C++" keep their symbols. */
const TRAILING_PUNCTUATION = /[\s.,;:!?…。、，．！？]+$/u;

/**
 * Short text answers compare after normalization: Unicode NFKC (full-width and ligature forms
 * fold to plain ones), case folding, trimmed, inner whitespace collapsed, trailing
 * punctuation ignored ("Paris." and " paris " both match "Paris").
 */
export function normalizeText(value: string): string {
  return (
    value
      .normalize("NFKC")
      // Upper then lower approximates full case folding without locale rules: "Straße" = "STRASSE".
      .toUpperCase()
      .toLowerCase()
      .replace(/\s+/gu, " ")
      .trim()
      .replace(TRAILING_PUNCTUATION, "")
  );
}

/** Whether a response answers a question correctly. A response of the wrong kind never does. */
export function isCorrect(question: EditableQuestion, response: LearnerResponse | undefined) {
  if (!response) return false;
  switch (question.kind) {
    case "single_choice":
      return (
        response.kind === "choice" &&
        response.optionIds.length === 1 &&
        response.optionIds[0] === question.answer.optionId
      );
    case "multiple_choice": {
      if (response.kind !== "choice") return false;
      // All or nothing: exactly the correct set, in any order, duplicates ignored.
      const given = new Set(response.optionIds);
      const expected = new Set(question.answer.optionIds);
      return given.size === expected.size && [...expected].every((id) => given.has(id));
    }
    case "true_false":
      return response.kind === "boolean" && response.value === question.answer.value;
    case "numeric":
      return (
        response.kind === "number" &&
        Math.abs(response.value - question.answer.value) <= question.answer.tolerance + FLOAT_SLACK
      );
    case "short_text": {
      if (response.kind !== "text") return false;
      const given = normalizeText(response.value);
      return given !== "" && question.answer.accepted.some((a) => normalizeText(a) === given);
    }
  }
}

export interface Grade {
  scorePoints: number;
  maxPoints: number;
  scorePercent: number;
  passed: boolean;
  /** Per question, in quiz order; never the correct answer itself. */
  feedback: QuestionFeedback[];
}

/** Grades one submission against the quiz as it is now. */
export function gradeQuiz(
  questions: ReadonlyArray<EditableQuestion & { id: string }>,
  responses: ReadonlyMap<string, LearnerResponse>,
  passingPercent: number,
): Grade {
  const feedback = questions.map((question) => {
    const correct = isCorrect(question, responses.get(question.id));
    return {
      questionId: question.id,
      correct,
      pointsAwarded: correct ? question.points : 0,
      points: question.points,
      explanation: question.explanation,
    };
  });
  const scorePoints = feedback.reduce((sum, f) => sum + f.pointsAwarded, 0);
  const maxPoints = feedback.reduce((sum, f) => sum + f.points, 0);
  // Shown rounded to 2 decimals (2/3 → 66.67); passing is decided on the exact integers.
  const scorePercent = maxPoints === 0 ? 0 : Math.round((scorePoints / maxPoints) * 10_000) / 100;
  const passed = maxPoints > 0 && scorePoints * 100 >= passingPercent * maxPoints;
  return { scorePoints, maxPoints, scorePercent, passed, feedback };
}
