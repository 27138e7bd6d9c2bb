import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import {
  type EditableQuiz,
  newQuestion,
  parseNumber,
  type QuizDraft,
  toDraft,
  toSaveInput,
} from "./quiz-editor";
import { addAccepted, applySaved, changeKind, markCorrect, moveAt } from "./quiz-editor-edits";

const LESSON = "7b0f6f0e-4a8e-4f57-9a57-1f7d1c3d2b10";
const Q = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

const saved: EditableQuiz = {
  lessonId: LESSON,
  settings: { passingPercent: 80, maxAttempts: null, requiredForCertificate: true },
  attemptCount: 2,
  questions: [
    {
      id: Q(1),
      kind: "single_choice",
      prompt: "2 + 2?",
      points: 2,
      explanation: "Count.",
      options: [
        { id: "a", text: "3" },
        { id: "b", text: "4" },
      ],
      answer: { optionId: "b" },
    },
    {
      id: Q(2),
      kind: "multiple_choice",
      prompt: "Primes?",
      points: 1,
      explanation: "",
      options: [
        { id: "a", text: "2" },
        { id: "b", text: "4" },
        { id: "c", text: "5" },
      ],
      answer: { optionIds: ["a", "c"] },
    },
    {
      id: Q(3),
      kind: "true_false",
      prompt: "Sky is blue",
      points: 1,
      explanation: "",
      answer: { value: false },
    },
    {
      id: Q(4),
      kind: "numeric",
      prompt: "Pi?",
      points: 3,
      explanation: "",
      answer: { value: 3.14, tolerance: 0.01 },
    },
    {
      id: Q(5),
      kind: "short_text",
      prompt: "Capital of France?",
      points: 1,
      explanation: "",
      answer: { accepted: ["Paris", "paris"] },
    },
  ],
};

describe("quiz draft mapping", () => {
  it("a saved quiz survives the round trip draft → save input unchanged", () => {
    const input = toSaveInput(LESSON, toDraft(saved, undefined, ids()));
    expect(input).toEqual({
      lessonId: LESSON,
      settings: saved.settings,
      questions: saved.questions,
    });
  });

  it("unlimited attempts become null; a limit becomes a number", () => {
    const draft = toDraft(saved, undefined, ids());
    expect(draft.settings.unlimited).toBe(true);
    const limited: QuizDraft = {
      ...draft,
      settings: { ...draft.settings, unlimited: false, maxAttempts: " 5 " },
    };
    expect(toSaveInput(LESSON, limited).settings.maxAttempts).toBe(5);
  });

  it("new questions are sent without an id, trimmed, with numbers parsed", () => {
    const question = {
      ...newQuestion("numeric", ids()),
      prompt: "  Speed of light?  ",
      points: "4",
      value: "2,5",
      tolerance: "",
    };
    const [sent] = toSaveInput(LESSON, {
      settings: toDraft(saved).settings,
      questions: [question],
    }).questions;
    expect(sent).toEqual({
      kind: "numeric",
      prompt: "Speed of light?",
      points: 4,
      explanation: "",
      answer: { value: 2.5, tolerance: 0 },
    });
  });

  it("keeps the previous draft's keys by position after a save", () => {
    const first = toDraft(saved, undefined, ids());
    const again = toDraft(saved, first, () => "fresh");
    expect(again.questions.map((q) => q.key)).toEqual(first.questions.map((q) => q.key));
  });

  it("switching a multiple choice to single choice keeps only the first correct option", () => {
    const draft = toDraft(saved, undefined, ids());
    const multiple = draft.questions[1];
    if (!multiple) throw new Error("fixture");
    const single = changeKind(multiple, "single_choice");
    expect(single.correct).toEqual(["a"]);
    expect(single.options).toEqual(multiple.options);
  });

  it("switching to a choice kind gives at least two options to fill", () => {
    const question = { ...newQuestion("true_false", ids()), options: [] };
    expect(changeKind(question, "multiple_choice", ids()).options).toHaveLength(2);
  });

  it("reads typed numbers strictly", () => {
    expect(parseNumber("")).toBeNaN();
    expect(parseNumber("abc")).toBeNaN();
    expect(parseNumber(" -1.5 ")).toBe(-1.5);
    expect(parseNumber("3,25")).toBe(3.25);
    expect(parseNumber("1,000,000")).toBeNaN();
  });

  it("moves a question up and down, and not past either end", () => {
    expect(moveAt(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveAt(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveAt(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveAt(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});

describe("quiz draft edits", () => {
  it("single choice has one correct option; multiple choice toggles each", () => {
    const draft = toDraft(saved, undefined, ids());
    const [one, many] = draft.questions;
    if (!one || !many) throw new Error("fixture");
    expect(markCorrect(one, "a", true)).toEqual(["a"]);
    expect(markCorrect(many, "b", true)).toEqual(["a", "c", "b"]);
    expect(markCorrect(many, "a", false)).toEqual(["c"]);
  });

  it("accepted answers are trimmed, added once whatever their case, at most 20", () => {
    expect(addAccepted(["Paris"], "  paris ")).toEqual(["Paris"]);
    expect(addAccepted([], "  New   York ")).toEqual(["New York"]);
    expect(addAccepted([], "   ")).toEqual([]);
    const full = Array.from({ length: 20 }, (_, i) => `a${i}`);
    expect(addAccepted(full, "more")).toHaveLength(20);
  });

  it("after a save the form shows the stored quiz, with the new question's id", () => {
    const sent: QuizDraft = { ...toDraft(saved, undefined, ids()), questions: [] };
    const question = { ...newQuestion("true_false", ids()), key: "new", prompt: " Sure? " };
    const withNew = { ...sent, questions: [question] };
    const stored: EditableQuiz = {
      ...saved,
      questions: [
        {
          id: Q(9),
          kind: "true_false",
          prompt: "Sure?",
          points: 1,
          explanation: "",
          answer: { value: true },
        },
      ],
    };
    const { draft, saved: snapshot } = applySaved(withNew, withNew, stored);
    expect(draft).toEqual(snapshot);
    expect(draft.questions[0]).toMatchObject({ key: "new", id: Q(9), prompt: "Sure?" });
  });

  it("edits made while saving are kept and given the new ids", () => {
    const question = { ...newQuestion("true_false", ids()), key: "new", prompt: "Sure?" };
    const sent: QuizDraft = { ...toDraft(saved, undefined, ids()), questions: [question] };
    const current = { ...sent, questions: [{ ...question, prompt: "Sure now?" }] };
    const stored: EditableQuiz = {
      ...saved,
      questions: [
        {
          id: Q(9),
          kind: "true_false",
          prompt: "Sure?",
          points: 1,
          explanation: "",
          answer: { value: true },
        },
      ],
    };
    const { draft, saved: snapshot } = applySaved(current, sent, stored);
    expect(draft.questions[0]).toMatchObject({ id: Q(9), prompt: "Sure now?" });
    expect(JSON.stringify(draft)).not.toBe(JSON.stringify(snapshot));
  });
});
