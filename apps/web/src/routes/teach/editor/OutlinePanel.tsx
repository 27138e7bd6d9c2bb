import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import type { EditableCourse } from "../api";
import { addLessonInputId, NEW_MODULE_INPUT_ID } from "../editor-targets";
import { AddModuleForm } from "./AddForms";
import s from "./editor.module.css";
import { ModuleCard } from "./ModuleCard";
import o from "./outline.module.css";
import { useAddModule } from "./outline-api";
import { useOutlineActions } from "./use-outline-actions";

/** Modules and lessons: add, rename, delete, reorder (drag, buttons, Alt+Arrow), move between modules. */
export function OutlinePanel({
  course,
  openLessonId,
  onOpenLesson,
  focus,
}: {
  course: EditableCourse;
  openLessonId: string | null;
  onOpenLesson: (lessonId: string | null) => void;
  focus: (id: string) => void;
}) {
  const { t } = useLingui();
  const modules = course.modules;
  const { actions, dnd, announcement, setAnnouncement, outline } = useOutlineActions(
    course.id,
    modules,
    focus,
  );
  const addModule = useAddModule(course.id, (moduleId, title) => {
    setAnnouncement(t`Added module “${title}”.`);
    focus(addLessonInputId(moduleId));
  });

  return (
    <section aria-labelledby="outline-heading">
      <div className={s.sectionHeading}>
        <h2 id="outline-heading" tabIndex={-1}>
          <Trans>Outline</Trans>
        </h2>
        <p id="outline-reorder-hint" className={f.hint}>
          <Trans>
            Drag the handles to reorder, or use the arrow buttons (Alt+↑ / Alt+↓ on a row).
          </Trans>
        </p>
      </div>
      {outline.isError && (
        <Notice tone="error" className={o.retry} role="alert">
          <p>
            <Trans>Your last change couldn't be saved and was undone.</Trans>{" "}
            {outline.error.message}
          </p>
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "small" })}
            onClick={() => outline.variables && outline.mutate(outline.variables)}
          >
            <Trans>Retry</Trans>
          </button>
        </Notice>
      )}
      {modules.length === 0 ? (
        <p className={o.empty}>
          <Trans>No modules yet. A module groups lessons, like a week or a chapter.</Trans>
        </p>
      ) : (
        <ol className={o.modules}>
          {modules.map((module, index) => (
            <ModuleCard
              key={module.id}
              module={module}
              index={index}
              modules={modules}
              courseId={course.id}
              actions={actions}
              dnd={dnd}
              openLessonId={openLessonId}
              onOpenLesson={onOpenLesson}
            />
          ))}
        </ol>
      )}
      <AddModuleForm
        inputId={NEW_MODULE_INPUT_ID}
        pending={addModule.isPending}
        onAdd={(title) => addModule.mutate(title)}
      />
      {addModule.isError && (
        <p className={cx(f.formError, f.spaced)} role="alert">
          {addModule.error.message || t`We couldn't add the module. Please try again.`}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
