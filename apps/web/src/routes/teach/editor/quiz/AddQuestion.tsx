import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { newQuestion, QUESTION_KINDS, questionFieldId } from "./quiz-editor";
import s from "./quiz-editor.module.css";
import { QUIZ_LIMITS } from "./quiz-editor-validate";
import type { QuizForm } from "./use-quiz-form";

/** One button per question kind; the new question's text field takes focus. */
export function AddQuestion({ form }: { form: QuizForm }) {
  const { t } = useLingui();
  const full = form.draft.questions.length >= QUIZ_LIMITS.questionsMax;
  return (
    <fieldset className={s.addQuestion}>
      <legend className={s.addQuestionLabel}>
        <Trans>Add a question:</Trans>
      </legend>
      {QUESTION_KINDS.map(({ kind, label }) => (
        <button
          key={kind}
          type="button"
          className={buttonClass({ variant: "secondary", size: "small" })}
          disabled={full}
          onClick={() => {
            const question = newQuestion(kind);
            form.setDraft((d) => ({ ...d, questions: [...d.questions, question] }));
            form.focus(questionFieldId(question.key, "prompt"));
          }}
        >
          {t(label)}
        </button>
      ))}
      {full && (
        <span className={f.hint}>
          <Trans>A quiz can have at most 100 questions.</Trans>
        </span>
      )}
    </fieldset>
  );
}
