import { plural } from "@lingui/core/macro";
import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useId } from "react";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import type { QuizAttempt, QuizQuestion } from "../../learn/api";
import s from "./quiz.module.css";
import { type DraftAnswer, SHORT_TEXT_MAX } from "./quiz-answers";

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
  const state = feedback ? (feedback.correct ? s.correct : s.incorrect) : undefined;
  return (
    <fieldset
      className={cx(s.question, state)}
      id={`question-${question.id}`}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className={s.legend}>
        <span className={s.number}>
          <Trans>Question {number}</Trans>
        </span>
        <span className={s.prompt} translate="no">
          {question.prompt}
        </span>
        <span className={cx(s.points, "muted")}>
          <Plural value={question.points} one="# point" other="# points" />
        </span>
      </legend>
      <Answer question={question} draft={draft} onChange={onChange} readOnly={readOnly} id={id} />
      {error && (
        <p className={f.error} id={`${id}-error`}>
          {error}
        </p>
      )}
      {feedback && <Verdict id={`${id}-feedback`} feedback={feedback} />}
    </fieldset>
  );
}

function Verdict({ id, feedback }: { id: string; feedback: Feedback }) {
  const { t } = useLingui();
  const awarded = feedback.pointsAwarded;
  const points = feedback.points;
  return (
    <div className={s.feedback} id={id}>
      <p className={s.verdict}>
        <span aria-hidden="true">{feedback.correct ? "✓" : "✗"}</span>{" "}
        {feedback.correct
          ? t`Correct · ${awarded} of ${plural(points, { one: "# point", other: "# points" })}`
          : t`Incorrect · ${awarded} of ${plural(points, { one: "# point", other: "# points" })}`}
      </p>
      {feedback.explanation && (
        <p className={s.explanation} translate="no">
          {feedback.explanation}
        </p>
      )}
    </div>
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
          {multiple && (
            <p className={cx(s.hint, "muted")}>
              <Trans>Select all that apply.</Trans>
            </p>
          )}
          <ul className={s.options}>
            {question.options.map((option) => (
              <li key={option.id}>
                <label className={s.option}>
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
                  <span translate="no">{option.text}</span>
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
        <ul className={cx(s.options, s.inline)}>
          {[true, false].map((choice) => (
            <li key={String(choice)}>
              <label className={s.option}>
                <input
                  type="radio"
                  name={name}
                  checked={value === choice}
                  disabled={readOnly}
                  onChange={() => onChange({ kind: "boolean", value: choice })}
                />
                <span>{choice ? <Trans>True</Trans> : <Trans>False</Trans>}</span>
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
        <div className={cx(f.field, s.field)}>
          <label htmlFor={`${id}-input`}>
            <Trans>Your answer</Trans>
          </label>
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
