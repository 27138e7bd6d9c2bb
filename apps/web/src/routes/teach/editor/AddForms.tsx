import { type FormEvent, useId, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f, TextField } from "../../../components/ui/Field";
import type { LessonKind } from "../api";
import { KIND_LABELS, LESSON_KINDS } from "./lesson-kinds";
import o from "./outline.module.css";

/** A one-field form that adds something and keeps focus for the next one. */
function useAddForm(onAdd: (title: string) => void, what: string) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setError(`Give the ${what} a title.`);
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
  const form = useAddForm(onAdd, "module");
  return (
    <form className={cx(o.addForm, o.addModule)} onSubmit={form.onSubmit} noValidate>
      <TextField
        id={inputId}
        label="New module"
        value={form.title}
        onChange={(e) => form.setTitle(e.target.value)}
        placeholder="e.g. Getting started"
        maxLength={200}
        error={form.error ?? undefined}
      />
      <button type="submit" className={buttonClass({ variant: "secondary" })} disabled={pending}>
        Add module
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
  const form = useAddForm((title) => onAdd(title, kind), "lesson");
  return (
    <form
      className={cx(o.addForm, o.addLesson)}
      onSubmit={form.onSubmit}
      noValidate
      aria-label={`Add a lesson to ${moduleTitle}`}
    >
      <TextField
        id={inputId}
        label="New lesson"
        value={form.title}
        onChange={(e) => form.setTitle(e.target.value)}
        placeholder="Lesson title"
        maxLength={200}
        error={form.error ?? undefined}
      />
      <div className={cx(f.field, o.addLessonKind)}>
        <label htmlFor={kindId}>Kind</label>
        <select
          id={kindId}
          value={kind}
          onChange={(e) => setKind(LESSON_KINDS.find((k) => k === e.target.value) ?? "text")}
        >
          {LESSON_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass({ variant: "secondary" })}>
        Add lesson
      </button>
    </form>
  );
}
