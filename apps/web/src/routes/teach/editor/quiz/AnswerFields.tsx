import { Trans, useLingui } from "@lingui/react/macro";
import { fieldStyles as f, TextField } from "../../../../components/ui/Field";
import { ChipsInput } from "../TagsInput";
import { ChoiceOptions } from "./ChoiceOptions";
import { type QuestionDraft, questionFieldId } from "./quiz-editor";
import s from "./quiz-editor.module.css";
import { ACCEPTED_MAX, addAccepted } from "./quiz-editor-edits";
import type { QuestionErrors } from "./quiz-editor-validate";
import type { QuizForm } from "./use-quiz-form";

/** The correct answer, in the form the question's kind needs. */
export function AnswerFields({
  form,
  question,
  errors,
}: {
  form: QuizForm;
  question: QuestionDraft;
  errors: QuestionErrors;
}) {
  const { t } = useLingui();
  const id = (field: string) => questionFieldId(question.key, field);
  const update = (patch: Partial<QuestionDraft>) =>
    form.updateQuestion(question.key, (q) => ({ ...q, ...patch }));
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice":
      return <ChoiceOptions form={form} question={question} errors={errors} />;
    case "true_false":
      return (
        <fieldset className={s.answerChoice}>
          <legend>
            <Trans>Correct answer</Trans>
          </legend>
          {[true, false].map((value) => (
            <span key={String(value)} className={f.check}>
              <input
                id={value ? id("answer") : id("answer-false")}
                type="radio"
                name={id("truth")}
                checked={question.truth === value}
                onChange={() => update({ truth: value })}
              />
              <label htmlFor={value ? id("answer") : id("answer-false")}>
                {value ? <Trans>True</Trans> : <Trans>False</Trans>}
              </label>
            </span>
          ))}
        </fieldset>
      );
    case "numeric":
      return (
        <div className={f.row}>
          <TextField
            id={id("value")}
            label={t`Correct answer`}
            inputMode="decimal"
            autoComplete="off"
            value={question.value}
            error={errors.value}
            onChange={(e) => update({ value: e.target.value })}
          />
          <TextField
            id={id("tolerance")}
            label={t`Tolerance (±)`}
            hint={t`Answers this close to the correct one count too. 0: exact.`}
            inputMode="decimal"
            autoComplete="off"
            value={question.tolerance}
            error={errors.tolerance}
            onChange={(e) => update({ tolerance: e.target.value })}
          />
        </div>
      );
    case "short_text":
      return (
        <ChipsInput
          id={id("accepted")}
          label={t`Accepted answers`}
          hint={t`Press Enter after each. Case, extra spaces and a trailing full stop don't matter.`}
          listLabel={t`Accepted answers`}
          removeLabel={(answer) => t`Remove answer ${answer}`}
          items={question.accepted}
          add={addAccepted}
          full={question.accepted.length >= ACCEPTED_MAX}
          placeholder={[t`Add an accepted answer`, t`Answer limit reached`]}
          maxLength={200}
          commaAdds={false}
          error={errors.accepted}
          onChange={(accepted) => update({ accepted })}
        />
      );
  }
}
