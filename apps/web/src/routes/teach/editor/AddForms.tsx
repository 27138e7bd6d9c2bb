import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, useId, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f, TextField } from "../../../components/ui/Field";
import type { LessonKind } from "../api";
import { KIND_LABELS, LESSON_KINDS } from "./lesson-kinds";
import o from "./outline.module.css";

/** A one-field form that adds something and keeps focus for the next one. */
function useAddForm(onAdd: (title: string) => void, missingTitle: string) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setError(missingTitle);
    onAdd(title.trim());
    setTitle("");
    setError(null);
  };
  return { title, setTitle, error, onSubmit };
}

export function AddModuleForm({
  inputId,
  pending,
  onAdd,
}: {
  inputId: string;
  pending: boolean;
  onAdd: (title: string) => void;
}) {
  const { t } = useLingui();
  const form = useAddForm(onAdd, t`Give the module a title.`);
  return (
    <form className={cx(o.addForm, o.addModule)} onSubmit={form.onSubmit} noValidate>
      <TextField
        id={inputId}
        label={t`New module`}
        value={form.title}
        onChange={(e) => form.setTitle(e.target.value)}
        placeholder={t`e.g. Getting started`}
        maxLength={200}
        error={form.error ?? undefined}
      />
      <button type="submit" className={buttonClass({ variant: "secondary" })} disabled={pending}>
        <Trans>Add module</Trans>
      </button>
    </form>
  );
}

export function AddLessonForm({
  inputId,
  moduleTitle,
  onAdd,
}: {
  inputId: string;
  moduleTitle: string;
  onAdd: (title: string, kind: LessonKind) => void;
}) {
  const [kind, setKind] = useState<LessonKind>("text");
  const kindId = useId();
  const { t } = useLingui();
  const form = useAddForm((title) => onAdd(title, kind), t`Give the lesson a title.`);
  return (
    <form
      className={cx(o.addForm, o.addLesson)}
      onSubmit={form.onSubmit}
      noValidate
      aria-label={t`Add a lesson to ${moduleTitle}`}
    >
      <TextField
        id={inputId}
        label={t`New lesson`}
        value={form.title}
        onChange={(e) => form.setTitle(e.target.value)}
        placeholder={t`Lesson title`}
        maxLength={200}
        error={form.error ?? undefined}
      />
      <div className={cx(f.field, o.addLessonKind)}>
        <label htmlFor={kindId}>
          <Trans>Kind</Trans>
        </label>
        <select
          id={kindId}
          value={kind}
          onChange={(e) => setKind(LESSON_KINDS.find((k) => k === e.target.value) ?? "text")}
        >
          {LESSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass({ variant: "secondary" })}>
        <Trans>Add lesson</Trans>
      </button>
    </form>
  );
}
