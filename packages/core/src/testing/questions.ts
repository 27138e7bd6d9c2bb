import type { EditableQuestionInput } from "../quiz";

/**
 * One question of each kind, as an editor writes them. No prompt or explanation repeats an
 * answer, so a test can search a response for the answers.
 */
export function questionsOfEveryKind() {
  return [
    {
      kind: "single_choice",
      prompt: "Which city is the capital of France?",
      points: 1,
      explanation: "It has been since the 10th century.",
      options: [
        { id: "lyon", text: "Lyon" },
        { id: "paris", text: "Paris" },
      ],
      answer: { optionId: "paris" },
    },
    {
      kind: "multiple_choice",
      prompt: "Which of these numbers are prime?",
      points: 2,
      options: [
        { id: "two", text: "2" },
        { id: "three", text: "3" },
        { id: "four", text: "4" },
      ],
      answer: { optionIds: ["two", "three"] },
    },
    { kind: "true_false", prompt: "The Earth is flat.", points: 1, answer: { value: false } },
    {
      kind: "numeric",
      prompt: "Avogadro's number in units of 10²³, to five decimals?",
      points: 3,
      answer: { value: 6.02214, tolerance: 0.00001 },
    },
    {
      kind: "short_text",
      prompt: "Who wrote Faust?",
      points: 3,
      answer: { accepted: ["Johann Wolfgang von Goethe", "Goethe"] },
    },
  ] satisfies EditableQuestionInput[];
}
