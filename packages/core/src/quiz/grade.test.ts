import { describe, expect, it } from "vitest";
import { gradeQuiz, isCorrect, normalizeText } from "./grade";
import { type EditableQuestion, editableQuestion, type LearnerResponse } from "./inputs";

const question = (q: unknown): EditableQuestion => editableQuestion.parse(q);
const base = { prompt: "?", points: 1 };
const options = [
  { id: "a", text: "A" },
  { id: "b", text: "B" },
  { id: "c", text: "C" },
];

const single = question({ ...base, kind: "single_choice", options, answer: { optionId: "b" } });
const multiple = question({
  ...base,
  kind: "multiple_choice",
  options,
  answer: { optionIds: ["a", "c"] },
});
const trueFalse = question({ ...base, kind: "true_false", answer: { value: true } });
const numeric = question({ ...base, kind: "numeric", answer: { value: 0.3, tolerance: 0.05 } });
const exact = question({ ...base, kind: "numeric", answer: { value: 0.3 } });
const text = question({ ...base, kind: "short_text", answer: { accepted: ["Straße", "C#"] } });

const choice = (...optionIds: string[]): LearnerResponse => ({ kind: "choice", optionIds });
const num = (value: number): LearnerResponse => ({ kind: "number", value });
const str = (value: string): LearnerResponse => ({ kind: "text", value });

describe("isCorrect", () => {
  it.each([
    ["single choice: the right option", single, choice("b"), true],
    ["single choice: a wrong option", single, choice("a"), false],
    ["single choice: two options including the right one", single, choice("a", "b"), false],
    ["multiple choice: the exact set in any order", multiple, choice("c", "a"), true],
    ["multiple choice: a subset scores nothing", multiple, choice("a"), false],
    ["multiple choice: a superset scores nothing", multiple, choice("a", "b", "c"), false],
    ["true/false: right", trueFalse, { kind: "boolean", value: true }, true],
    ["true/false: wrong", trueFalse, { kind: "boolean", value: false }, false],
    ["numeric: on the edge of the tolerance", numeric, num(0.35), true],
    ["numeric: just outside the tolerance", numeric, num(0.3501), false],
    ["numeric: float noise with zero tolerance", exact, num(0.1 + 0.2), true],
    ["numeric: off with zero tolerance", exact, num(0.31), false],
    ["short text: case, width, spaces and a full stop", text, str("  ＳＴＲＡＳＳＥ. "), true],
    ["short text: symbols that are part of the answer stay", text, str("c#"), true],
    ["short text: losing the symbol is another answer", text, str("C"), false],
    ["short text: blank", text, str(" ... "), false],
    ["a response of another kind scores nothing", trueFalse, num(1), false],
    ["no response", single, undefined, false],
  ] as const)("%s", (_name, q, response, expected) => {
    expect(isCorrect(q, response)).toBe(expected);
  });
});

describe("normalizeText", () => {
  it("folds Unicode forms and case, collapses whitespace and drops trailing punctuation", () => {
    expect(normalizeText("  Johann\tWolfgang   von ＧＯＥＴＨＥ !? ")).toBe(
      "johann wolfgang von goethe",
    );
    expect(normalizeText("ﬁsh")).toBe("fish");
  });
});

describe("gradeQuiz", () => {
  const questions = [
    { ...single, id: "q1", points: 2, explanation: "B it is." },
    { ...numeric, id: "q2", points: 3 },
  ];

  it("scores points and percent, and passes on the exact ratio", () => {
    const grade = gradeQuiz(questions, new Map([["q1", choice("b")]]), 40);
    expect(grade).toEqual({
      scorePoints: 2,
      maxPoints: 5,
      scorePercent: 40,
      passed: true,
      feedback: [
        { questionId: "q1", correct: true, pointsAwarded: 2, points: 2, explanation: "B it is." },
        { questionId: "q2", correct: false, pointsAwarded: 0, points: 3, explanation: "" },
      ],
    });
    expect(gradeQuiz(questions, new Map([["q1", choice("b")]]), 41).passed).toBe(false);
  });

  it("scores an empty quiz 0 % and never passes it", () => {
    expect(gradeQuiz([], new Map(), 0)).toMatchObject({ scorePercent: 0, passed: false });
  });
});
