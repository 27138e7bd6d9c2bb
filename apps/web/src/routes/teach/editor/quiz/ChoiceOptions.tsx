import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass, iconButtonClass } from "../../../../components/ui/Button";
import { describedBy, fieldStyles as f } from "../../../../components/ui/Field";
import { focusAfterMove, MoveButtons } from "../MoveButtons";
import { newKey, type QuestionDraft, questionFieldId } from "./quiz-editor";
import s from "./quiz-editor.module.css";
import { markCorrect, moveAt } from "./quiz-editor-edits";
import { QUIZ_LIMITS, type QuestionErrors } from "./quiz-editor-validate";
import type { QuizForm } from "./use-quiz-form";

/**
 * A choice question's options: each with its text and a mark for the correct one(s) — radio
 * buttons for single choice, checkboxes for multiple — added, removed and reordered here.
 */
export function ChoiceOptions({
  form,
  question,
  errors,
}: {
  form: QuizForm;
  question: QuestionDraft;
  errors: QuestionErrors;
}) {
  const { t } = useLingui();
  const { key, options } = question;
  const id = (field: string) => questionFieldId(key, field);
  const single = question.kind === "single_choice";
  // Option ids are only unique within their question (the API's may be "a", "b", …).
  const moveId = (optionId: string) => `${key}-${optionId}`;
  const setOptions = (update: (q: QuestionDraft) => Partial<QuestionDraft>) =>
    form.updateQuestion(key, (q) => ({ ...q, ...update(q) }));
  const groupError = errors.options ?? errors.answer;
  const add = () => {
    const option = { id: newKey(), text: "" };
    setOptions((q) => ({ options: [...q.options, option] }));
    form.focus(id(`option-${option.id}`));
  };
  const remove = (optionId: string, index: number) => {
    setOptions((q) => ({
      options: q.options.filter((o) => o.id !== optionId),
      correct: q.correct.filter((c) => c !== optionId),
    }));
    const neighbour = options[index + 1] ?? options[index - 1];
    form.focus(neighbour ? id(`option-${neighbour.id}`) : id("add-option"));
  };
  return (
    <fieldset
      id={id("options")}
      tabIndex={-1}
      className={s.answerOptions}
      aria-describedby={describedBy(id("options"), true, groupError)}
    >
      <legend>
        <Trans>Options</Trans>
      </legend>
      <p id={`${id("options")}-hint`} className={f.hint}>
        {single ? (
          <Trans>Mark the one correct option.</Trans>
        ) : (
          <Trans>Mark every correct option.</Trans>
        )}
      </p>
      <ol className={s.optionList}>
        {options.map((option, index) => {
          const n = index + 1;
          const textId = id(`option-${option.id}`);
          const markId = index === 0 ? id("answer") : id(`correct-${option.id}`);
          const error = errors.optionText?.[option.id];
          return (
            <li key={option.id} className={s.optionRow}>
              <span className={s.optionMark}>
                <input
                  id={markId}
                  type={single ? "radio" : "checkbox"}
                  name={single ? id("correct") : undefined}
                  checked={question.correct.includes(option.id)}
                  aria-invalid={errors.answer ? true : undefined}
                  onChange={(e) =>
                    setOptions((q) => ({ correct: markCorrect(q, option.id, e.target.checked) }))
                  }
                />
                <label htmlFor={markId}>
                  <Trans>
                    Correct<span className="visually-hidden">: option {n}</span>
                  </Trans>
                </label>
              </span>
              <span className={s.optionText}>
                <label htmlFor={textId} className="visually-hidden">
                  <Trans>Option {n}</Trans>
                </label>
                <input
                  id={textId}
                  value={option.text}
                  maxLength={QUIZ_LIMITS.optionMax}
                  placeholder={t`Option ${n}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${textId}-error` : undefined}
                  onChange={(e) =>
                    setOptions((q) => ({
                      options: q.options.map((o) =>
                        o.id === option.id ? { ...o, text: e.target.value } : o,
                      ),
                    }))
                  }
                />
                {error && (
                  <span id={`${textId}-error`} className={f.error}>
                    {error}
                  </span>
                )}
              </span>
              <MoveButtons
                id={moveId(option.id)}
                name={t`option ${n}`}
                canUp={index > 0}
                canDown={index < options.length - 1}
                onMove={(delta) => {
                  setOptions((q) => ({ options: moveAt(q.options, index, delta) }));
                  const to = index + delta;
                  form.focus(
                    focusAfterMove(
                      moveId(option.id),
                      delta,
                      delta === -1 ? to > 0 : to < options.length - 1,
                    ),
                  );
                }}
              />
              <button
                type="button"
                className={iconButtonClass({ danger: true })}
                aria-label={t`Remove option ${n}`}
                title={t`Remove option`}
                disabled={options.length <= 2}
                onClick={() => remove(option.id, index)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          );
        })}
      </ol>
      {groupError && (
        <p id={`${id("options")}-error`} className={f.error}>
          {groupError}
        </p>
      )}
      <button
        id={id("add-option")}
        type="button"
        className={buttonClass({ variant: "ghost", size: "small" })}
        disabled={options.length >= QUIZ_LIMITS.optionsMax}
        onClick={add}
      >
        <Trans>Add option</Trans>
      </button>
    </fieldset>
  );
}
