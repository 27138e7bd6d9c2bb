import { useId, useState } from "react";
import { trpcClient } from "../../../../lib/trpc";
import type { EditableLesson } from "../../api";
import { useCourseMutation } from "../use-course-mutation";

/** Free preview: anyone may watch this lesson without enrolling. Saved as soon as it changes. */
export function PreviewToggle({ lesson, courseId }: { lesson: EditableLesson; courseId: string }) {
  const id = useId();
  // Shown at once on click (the cache's optimistic update lands a tick later, and a checkbox
  // that lags its click reads as broken); cleared when the save settles, so an error reverts.
  const [pending, setPending] = useState<boolean | null>(null);
  const save = useCourseMutation(courseId, {
    send: (isPreview: boolean) =>
      trpcClient.authoring.updateLesson.mutate({ lessonId: lesson.id, isPreview }),
    optimistic: (course, isPreview) => ({
      ...course,
      modules: course.modules.map((m) => ({
        ...m,
        lessons: m.lessons.map((l) => (l.id === lesson.id ? { ...l, isPreview } : l)),
      })),
    }),
  });
  return (
    <div className="preview-toggle">
      <input
        id={id}
        type="checkbox"
        checked={pending ?? lesson.isPreview}
        disabled={save.isPending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.checked;
          setPending(next);
          save.mutate(next, { onSettled: () => setPending(null) });
        }}
      />
      <div>
        <label htmlFor={id}>Free preview</label>
        <p id={`${id}-hint`} className="field-hint">
          Anyone can watch this lesson from the course page, without enrolling.
        </p>
        {save.isError && (
          <p className="field-error" role="alert">
            {save.error.message || "Couldn't save. Try again."}
          </p>
        )}
      </div>
    </div>
  );
}
