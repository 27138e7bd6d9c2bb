import { describe, expect, it } from "vitest";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import { answeredCount, parseNumber, type QuizQuestionLike, toSubmission } from "./quiz-answers";

const options = [
  { id: "o1", text: "One" },
  { id: "o2", text: "Two" },
  { id: "o3", text: "Three" },
];
const questions: QuizQuestionLike[] = [
  { id: "single", kind: "single_choice", options },
  { id: "multi", kind: "multiple_choice", options },
  { id: "tf", kind: "true_false", options: [] },
  { id: "num", kind: "numeric", options: [] },
  { id: "text", kind: "short_text", options: [] },
];

describe("turning the quiz form into a submission", () => {
  it("maps each kind of question to the response the server grades", () => {
    const submission = toSubmission(questions, {
      single: { kind: "choice", optionIds: ["o2"] },
      multi: { kind: "choice", optionIds: ["o3", "o1"] },
      tf: { kind: "boolean", value: false },
      num: { kind: "text", value: " 3,5 " },
      text: { kind: "text", value: "  Photosynthesis " },
    });
    expect(submission).toEqual({
      answers: [
        { questionId: "single", response: { kind: "choice", optionIds: ["o2"] } },
        { questionId: "multi", response: { kind: "choice", optionIds: ["o3", "o1"] } },
        { questionId: "tf", response: { kind: "boolean", value: false } },
        { questionId: "num", response: { kind: "number", value: 3.5 } },
        { questionId: "text", response: { kind: "text", value: "Photosynthesis" } },
      ],
      unanswered: [],
      errors: {},
    });
  });

  it("leaves blank questions out and lists them, in quiz order", () => {
    const submission = toSubmission(questions, {
      multi: { kind: "choice", optionIds: [] },
      num: { kind: "text", value: "   " },
      text: { kind: "text", value: "" },
    });
    expect(submission.answers).toEqual([]);
    expect(submission.unanswered).toEqual(["single", "multi", "tf", "num", "text"]);
  });

  it("flags a number it cannot read instead of sending a guess", () => {
    const submission = toSubmission(questions, { num: { kind: "text", value: "about 4" } });
    expect(submission.errors).toEqual({ num: "Enter a number, for example 42 or 3.5." });
    expect(submission.answers).toEqual([]);
    expect(answeredCount(questions, { num: { kind: "text", value: "x" } })).toBe(1);
  });

  it("drops options the question does not offer, duplicates, and extra picks on single choice", () => {
    const submission = toSubmission(questions, {
      single: { kind: "choice", optionIds: ["o1", "o2"] },
      multi: { kind: "choice", optionIds: ["o2", "o2", "forged"] },
    });
    expect(submission.answers).toEqual([
      { questionId: "single", response: { kind: "choice", optionIds: ["o1"] } },
      { questionId: "multi", response: { kind: "choice", optionIds: ["o2"] } },
    ]);
  });

  it("ignores a draft of the wrong kind for its question", () => {
    const submission = toSubmission(questions, { tf: { kind: "text", value: "true" } });
    expect(submission.unanswered).toContain("tf");
  });
});

describe("reading a typed number", () => {
  it("accepts the usual ways of writing numbers", () => {
    expect(
      ["42", "-2", "+7", "3.5", ".5", "1e3", "1 000", "2,25", "-0,5"].map(parseNumber),
    ).toEqual([42, -2, 7, 3.5, 0.5, 1000, 1000, 2.25, -0.5]);
  });

  it("refuses hex, words, several points and infinity", () => {
    expect(
      ["0x10", "four", "1.2.3", "1,2,3", "Infinity", "1e999", "", "-"].map(parseNumber),
    ).toEqual([null, null, null, null, null, null, null, null]);
  });
});
