import { useId } from "react";
import { plural } from "../../../lib/format";
import { type DraftAnswer, SHORT_TEXT_MAX } from "../../../lib/quiz-answers";
import type { QuizAttempt, QuizQuestion } from "../../learn/api";

type Feedback = QuizAttempt["feedback"][number];

/**
 * One question as a labelled group: radios (single choice, true/false), checkboxes (multiple
 * choice), or a number / short text field. After grading it shows right or wrong, the points
 * and the explanation, and the inputs are read-only.
 */
export function QuestionField({
  question,
  number,
  draft,
  onChange,
  error,
  feedback,
  readOnly,
}: {
  question: QuizQuestion;
  number: number;
  draft: DraftAnswer | undefined;
  onChange: (draft: DraftAnswer) => void;
  error?: string;
  feedback?: Feedback;
  readOnly: boolean;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, feedback ? `${id}-feedback` : null]
    .filter(Boolean)
    .join(" ");
  const state = feedback ? (feedback.correct ? " is-correct" : " is-incorrect") : "";
  return (
    <fieldset
      className={`quiz-question${state}`}
      id={`question-${question.id}`}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="quiz-legend">
        <span className="quiz-number">Question {number}</span>
        <span className="quiz-prompt">{question.prompt}</span>
        <span className="quiz-points muted">{plural(question.points, "point")}</span>
      </legend>
      <Answer question={question} draft={draft} onChange={onChange} readOnly={readOnly} id={id} />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {feedback && (
        <div className="quiz-feedback" id={`${id}-feedback`}>
          <p className="quiz-verdict">
            <span aria-hidden="true">{feedback.correct ? "✓" : "✗"}</span>{" "}
            {feedback.correct ? "Correct" : "Incorrect"} · {feedback.pointsAwarded} of{" "}
            {plural(feedback.points, "point")}
          </p>
          {feedback.explanation && <p className="quiz-explanation">{feedback.explanation}</p>}
        </div>
      )}
    </fieldset>
  );
}

function Answer({
  question,
  draft,
  onChange,
  readOnly,
  id,
}: {
  question: QuizQuestion;
  draft: DraftAnswer | undefined;
  onChange: (draft: DraftAnswer) => void;
  readOnly: boolean;
  id: string;
}) {
  const name = `q-${question.id}`;
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice": {
      const picked = draft?.kind === "choice" ? draft.optionIds : [];
      const multiple = question.kind === "multiple_choice";
      return (
        <>
          {multiple && <p className="quiz-hint muted">Select all that apply.</p>}
          <ul className="quiz-options">
            {question.options.map((option) => (
              <li key={option.id}>
                <label className="quiz-option">
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name={name}
                    value={option.id}
                    checked={picked.includes(option.id)}
                    disabled={readOnly}
                    onChange={(event) => {
                      const optionIds = !multiple
                        ? [option.id]
                        : event.target.checked
                          ? [...picked, option.id]
                          : picked.filter((p) => p !== option.id);
                      onChange({ kind: "choice", optionIds });
                    }}
                  />
                  <span>{option.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      );
    }
    case "true_false": {
      const value = draft?.kind === "boolean" ? draft.value : null;
      return (
        <ul className="quiz-options quiz-options-inline">
          {[true, false].map((choice) => (
            <li key={String(choice)}>
              <label className="quiz-option">
                <input
                  type="radio"
                  name={name}
                  checked={value === choice}
                  disabled={readOnly}
                  onChange={() => onChange({ kind: "boolean", value: choice })}
                />
                <span>{choice ? "True" : "False"}</span>
              </label>
            </li>
          ))}
        </ul>
      );
    }
    case "numeric":
    case "short_text": {
      const numeric = question.kind === "numeric";
      return (
        <div className="field quiz-field">
          <label htmlFor={`${id}-input`}>Your answer</label>
          <input
            id={`${id}-input`}
            type="text"
            inputMode={numeric ? "decimal" : "text"}
            autoComplete="off"
            spellCheck={!numeric}
            maxLength={SHORT_TEXT_MAX}
            value={draft?.kind === "text" ? draft.value : ""}
            readOnly={readOnly}
            onChange={(event) => onChange({ kind: "text", value: event.target.value })}
          />
        </div>
      );
    }
  }
}
