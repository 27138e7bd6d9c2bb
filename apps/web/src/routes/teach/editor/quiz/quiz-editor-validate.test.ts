import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import { newQuestion, type QuestionDraft, type QuizDraft } from "./quiz-editor";
import {
  countErrors,
  firstInvalidId,
  serverQuizErrors,
  validateQuestion,
  validateQuiz,
} from "./quiz-editor-validate";

const settings = {
  passingPercent: "70",
  unlimited: true,
  maxAttempts: "3",
  requiredForCertificate: true,
};

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

function single(): QuestionDraft {
  const q = newQuestion("single_choice", ids());
  const [a, b] = q.options;
  if (!a || !b) throw new Error("fixture");
  return {
    ...q,
    key: "q1",
    prompt: "Which?",
    options: [
      { ...a, text: "One" },
      { ...b, text: "Two" },
    ],
    correct: [b.id],
  };
}

describe("quiz validation", () => {
  it("a complete question has no errors", () => {
    expect(validateQuestion(single())).toEqual({});
  });

  it("an empty new question asks for its prompt, option texts and the correct option", () => {
    const q = newQuestion("single_choice", ids());
    const e = validateQuestion(q);
    expect(e.prompt).toBe("Write the question.");
    expect(Object.values(e.optionText ?? {})).toEqual(["Options need text.", "Options need text."]);
    expect(e.answer).toBe("Mark the correct option.");
  });

  it("refuses prompt, explanation and option text the API can't store", () => {
    const q = single();
    const e = validateQuestion({
      ...q,
      prompt: "Line one\nline\u0007two",
      explanation: "ok\n\tindented",
      options: q.options.map((o, i) => (i === 0 ? { ...o, text: "a\u0085b" } : o)),
    });
    expect(e.prompt).toBe(
      "Question text contains an invisible control character (U+0007). Remove it.",
    );
    expect(e.explanation).toBeUndefined();
    expect(Object.values(e.optionText ?? {})).toEqual([
      "Option text contains an invisible control character (U+0085). Remove it.",
    ]);
  });

  it("a correct mark on a removed option does not count", () => {
    expect(validateQuestion({ ...single(), correct: ["gone"] }).answer).toMatch(/Mark/);
  });

  it("points must be a whole number from 1 to 100", () => {
    for (const points of ["0", "1.5", "", "101"]) {
      expect(validateQuestion({ ...single(), points }).points).toMatch(/1 to 100/);
    }
    expect(validateQuestion({ ...single(), points: "100" }).points).toBeUndefined();
  });

  it("numeric questions need a number and a non-negative tolerance", () => {
    const q = { ...newQuestion("numeric"), prompt: "Pi?" };
    expect(validateQuestion({ ...q, value: "" }).value).toMatch(/number/);
    expect(validateQuestion({ ...q, value: "3.14", tolerance: "-1" }).tolerance).toMatch(
      /negative/,
    );
    expect(validateQuestion({ ...q, value: "3.14", tolerance: "" })).toEqual({});
  });

  it("short text needs an accepted answer", () => {
    const q = { ...newQuestion("short_text"), prompt: "Capital?" };
    expect(validateQuestion(q).accepted).toMatch(/at least one/);
    expect(validateQuestion({ ...q, accepted: ["Paris"] })).toEqual({});
  });

  it("settings: passing score 0–100, attempts 1–100 unless unlimited", () => {
    const draft: QuizDraft = {
      settings: { ...settings, passingPercent: "101", unlimited: false, maxAttempts: "0" },
      questions: [],
    };
    const errors = validateQuiz(draft);
    expect(errors.passingPercent).toMatch(/0 to 100/);
    expect(errors.maxAttempts).toMatch(/1 to 100/);
    expect(validateQuiz({ ...draft, settings }).maxAttempts).toBeUndefined();
  });

  it("counts the problems and finds the first one to focus, in form order", () => {
    const bad = { ...single(), key: "q2", prompt: "", points: "0" };
    const draft: QuizDraft = { settings, questions: [single(), bad] };
    const errors = validateQuiz(draft);
    expect(countErrors(errors)).toBe(2);
    expect(firstInvalidId("L", draft, errors)).toBe("quiz-q2-prompt");
    const option = { ...single(), options: [{ id: "o9", text: "" }, ...single().options] };
    const withOption: QuizDraft = { settings, questions: [option] };
    expect(firstInvalidId("L", withOption, validateQuiz(withOption))).toBe("quiz-q1-option-o9");
  });
});

describe("server quiz errors", () => {
  const draft: QuizDraft = {
    settings,
    questions: [single(), { ...newQuestion("numeric"), key: "q2" }],
  };

  it("places errors on the question and field their path names", () => {
    const errors = serverQuizErrors(
      {
        "questions.0.answer": "The correct answer must be one of this question's options.",
        "questions.1.answer.tolerance": "Tolerance cannot be negative.",
        "settings.passingPercent": "Too high.",
      },
      "Some questions need fixing before the quiz can be saved.",
      draft,
    );
    expect(errors.questions.q1?.answer).toMatch(/one of this question's options/);
    expect(errors.questions.q2?.tolerance).toBe("Tolerance cannot be negative.");
    expect(errors.passingPercent).toBe("Too high.");
    expect(errors.form).toBeUndefined();
  });

  it("an option's text error lands on that option", () => {
    const errors = serverQuizErrors(
      { "questions.0.options.1.text": "Options need text." },
      "",
      draft,
    );
    const second = draft.questions[0]?.options[1]?.id ?? "";
    expect(errors.questions.q1?.optionText).toEqual({ [second]: "Options need text." });
  });

  it("a numeric answer error shows on its value", () => {
    const errors = serverQuizErrors({ "questions.1.answer": "Bad." }, "", draft);
    expect(errors.questions.q2?.value).toBe("Bad.");
  });

  it("errors it cannot place, or none at all, become the form's message", () => {
    expect(
      serverQuizErrors({ questions: "Write the question." }, "Invalid input", draft).form,
    ).toBe("Write the question.");
    expect(serverQuizErrors({ "questions.7.prompt": "Gone." }, "x", draft).form).toBe("Gone.");
    expect(
      serverQuizErrors({ "questions.0.id": "Two questions have the same id." }, "x", draft).form,
    ).toBe("Two questions have the same id.");
    expect(serverQuizErrors({}, "Invalid input", draft).form).toBe("Invalid input");
  });
});
