import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import { trpcClient } from "../../../lib/trpc";
import type { EditableLesson } from "../api";
import s from "./LessonFlagToggle.module.css";
import { useCourseMutation } from "./use-course-mutation";

type LessonFlag = "isPreview" | "isOptional";

/** A yes/no setting of a lesson, saved as soon as it changes (free preview, optional). */
export function LessonFlagToggle({
  lesson,
  courseId,
  flag,
  label,
  hint,
  className,
}: {
  lesson: EditableLesson;
  courseId: string;
  flag: LessonFlag;
  label: string;
  hint: string;
  className?: string;
}) {
  const { t } = useLingui();
  const id = useId();
  // Shown at once on click (the cache's optimistic update lands a tick later, and a checkbox
  // that lags its click reads as broken); cleared when the save settles, so an error reverts.
  const [pending, setPending] = useState<boolean | null>(null);
  const patch = (value: boolean) =>
    flag === "isPreview" ? { isPreview: value } : { isOptional: value };
  const save = useCourseMutation(courseId, {
    send: (value: boolean) =>
      trpcClient.authoring.updateLesson.mutate({ lessonId: lesson.id, ...patch(value) }),
    optimistic: (course, value) => ({
      ...course,
      modules: course.modules.map((m) => ({
        ...m,
        lessons: m.lessons.map((l) => (l.id === lesson.id ? { ...l, ...patch(value) } : l)),
      })),
    }),
  });
  return (
    <div className={cx(s.toggle, className)}>
      <input
        id={id}
        type="checkbox"
        checked={pending ?? lesson[flag]}
        disabled={save.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.checked;
          setPending(next);
          save.mutate(next, { onSettled: () => setPending(null) });
        }}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className={f.hint}>
          {hint}
        </p>
        {save.isError && (
          <p className={f.error} role="alert">
            {save.error.message || t`Couldn't save. Try again.`}
          </p>
        )}
      </div>
    </div>
  );
}
