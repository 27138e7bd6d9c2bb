import { Trans, useLingui } from "@lingui/react/macro";
import type { TextareaHTMLAttributes } from "react";
import { cx } from "../../../../components/ui/cx";
import { describedBy, FieldShell, SelectField, TextField } from "../../../../components/ui/Field";
import { ConfirmDelete } from "../ConfirmDelete";
import { focusAfterMove, MoveButtons } from "../MoveButtons";
import o from "../outline.module.css";
import { AnswerFields } from "./AnswerFields";
import {
  kindLabel,
  QUESTION_KINDS,
  type QuestionDraft,
  type QuestionKind,
  questionFieldId,
} from "./quiz-editor";
import s from "./quiz-editor.module.css";
import { changeKind, moveAt } from "./quiz-editor-edits";
import type { QuestionErrors } from "./quiz-editor-validate";
import type { QuizForm } from "./use-quiz-form";

const isKind = (value: string): value is QuestionKind =>
  QUESTION_KINDS.some((k) => k.kind === value);

/** One question: its type, points, text, answer and explanation; moved and deleted from here. */
export function QuestionCard({
  form,
  question,
  index,
  last,
  errors = {},
  headingId,
}: {
  form: QuizForm;
  question: QuestionDraft;
  index: number;
  last: boolean;
  errors?: QuestionErrors | undefined;
  headingId: string;
}) {
  const { t } = useLingui();
  const { key } = question;
  const id = (field: string) => questionFieldId(key, field);
  const number = index + 1;
  const name = t`question ${number}`;
  const kindOptions = QUESTION_KINDS.map((k) => ({ value: k.kind, label: t(k.label) }));
  const kind = t(kindLabel(question.kind));
  const update = (patch: Partial<QuestionDraft>) =>
    form.updateQuestion(key, (q) => ({ ...q, ...patch }));
  const move = (delta: -1 | 1) => {
    form.setDraft((d) => ({ ...d, questions: moveAt(d.questions, index, delta) }));
    const to = index + delta;
    const canAgain = delta === -1 ? to > 0 : to < form.draft.questions.length - 1;
    form.focus(focusAfterMove(key, delta, canAgain));
  };
  const remove = () => {
    form.setDraft((d) => ({ ...d, questions: d.questions.filter((q) => q.key !== key) }));
    form.focus(headingId);
  };
  return (
    <fieldset className={s.card}>
      <legend className={s.cardLegend}>
        <Trans>
          Question {number}
          <span className="visually-hidden">, {kind}</span>
        </Trans>
      </legend>
      <div className={s.toolbar}>
        <SelectField
          id={id("kind")}
          label={t`Type`}
          options={kindOptions}
          value={question.kind}
          onChange={(e) => {
            const kind = e.target.value;
            if (isKind(kind)) form.updateQuestion(key, (q) => changeKind(q, kind));
          }}
        />
        <TextField
          id={id("points")}
          label={t`Points`}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          className={s.points}
          value={question.points}
          error={errors.points}
          onChange={(e) => update({ points: e.target.value })}
        />
        <span className={cx(o.rowActions, s.toolbarActions)}>
          <MoveButtons id={key} name={name} canUp={index > 0} canDown={!last} onMove={move} />
          <ConfirmDelete
            label={t`Delete ${name}`}
            question={t`Delete ${name}?`}
            onConfirm={remove}
          />
        </span>
      </div>
      <TextArea
        id={id("prompt")}
        label={t`Question text`}
        rows={2}
        maxLength={2000}
        value={question.prompt}
        error={errors.prompt}
        onChange={(e) => update({ prompt: e.target.value })}
      />
      <AnswerFields form={form} question={question} errors={errors} />
      <TextArea
        id={id("explanation")}
        label={t`Explanation (optional)`}
        hint={t`Shown to learners with their result, after they submit.`}
        rows={2}
        maxLength={2000}
        value={question.explanation}
        error={errors.explanation}
        onChange={(e) => update({ explanation: e.target.value })}
      />
    </fieldset>
  );
}

function TextArea({
  id,
  label,
  hint,
  error,
  ...textarea
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </FieldShell>
  );
}
