import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import type { KeyboardEvent } from "react";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import type { EditableModule } from "../api";
import { addLessonInputId } from "../editor-targets";
import { AddLessonForm } from "./AddForms";
import { ConfirmDelete } from "./ConfirmDelete";
import { DragHandle } from "./DragHandle";
import { InlineTitle } from "./InlineTitle";
import { LessonRow } from "./LessonRow";
import { MoveButtons } from "./MoveButtons";
import o from "./outline.module.css";
import type { OutlineActions } from "./outline-actions";
import { useAddLesson } from "./outline-api";
import { keyboardMoveDelta } from "./reorder";
import type { OutlineDnd } from "./use-outline-dnd";

export function ModuleCard({
  module,
  index,
  modules,
  courseId,
  actions,
  dnd,
  openLessonId,
  onOpenLesson,
}: {
  module: EditableModule;
  index: number;
  modules: EditableModule[];
  courseId: string;
  actions: OutlineActions;
  dnd: OutlineDnd;
  openLessonId: string | null;
  onOpenLesson: (lessonId: string | null) => void;
}) {
  const { t } = useLingui();
  const moduleTitle = module.title;
  const addLesson = useAddLesson(courseId, (_id, title) =>
    actions.announce(t`Added lesson “${title}” to “${moduleTitle}”.`),
  );
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyboardMoveDelta(event);
    if (delta === null) return;
    event.preventDefault();
    actions.moveModule(module.id, delta, "keyboard");
  };
  const name = t`module “${moduleTitle}”`;
  const lessonCount = module.lessons.length;
  const isOver = dnd.over === `module:${module.id}`;
  const dragging = dnd.dragging?.id === module.id;

  return (
    <li
      className={cx(o.module, isOver && o.dropTarget, dragging && o.dragging)}
      data-drag-row
      {...dnd.moduleTarget(module.id, module.lessons.length)}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Alt+Arrow from any control in the header */}
      <div className={o.header} onKeyDown={onKeyDown}>
        <DragHandle id={module.id} name={name} {...dnd.handle("module", module.id)} />
        <span className={o.number} aria-hidden="true">
          {index + 1}
        </span>
        <InlineTitle
          as="h3"
          title={module.title}
          what="module"
          onRename={(title) =>
            actions.change(
              { type: "renameModule", moduleId: module.id, title },
              t`Renamed module to “${title}”.`,
            )
          }
        />
        <span
          className={o.count}
        >{t`${plural(lessonCount, { one: "# lesson", other: "# lessons" })}`}</span>
        <span className={o.rowActions}>
          <MoveButtons
            id={module.id}
            name={name}
            canUp={index > 0}
            canDown={index < modules.length - 1}
            onMove={(delta) => actions.moveModule(module.id, delta)}
          />
          <ConfirmDelete
            label={t`Delete ${name}`}
            question={
              lessonCount > 0
                ? t`Delete “${moduleTitle}” and its ${plural(lessonCount, { one: "# lesson", other: "# lessons" })}?`
                : t`Delete “${moduleTitle}”?`
            }
            onConfirm={() =>
              actions.change(
                { type: "deleteModule", moduleId: module.id },
                t`Deleted module “${moduleTitle}”.`,
                "outline-heading",
              )
            }
          />
        </span>
      </div>
      {module.lessons.length > 0 ? (
        <ol className={o.lessons} aria-label={t`Lessons in ${moduleTitle}`}>
          {module.lessons.map((lesson, lessonIndex) => (
            <LessonRow
              key={lesson.id}
              lesson={lesson}
              module={module}
              modules={modules}
              first={index === 0 && lessonIndex === 0}
              last={index === modules.length - 1 && lessonIndex === module.lessons.length - 1}
              courseId={courseId}
              actions={actions}
              dnd={dnd}
              dropTarget={dnd.lessonTarget(module.id, lessonIndex, lesson.id)}
              open={openLessonId === lesson.id}
              onToggle={(open) => onOpenLesson(open ? lesson.id : null)}
            />
          ))}
        </ol>
      ) : (
        <p className={o.lessonEmpty}>
          <Trans>No lessons yet. Add one below, or drag a lesson here.</Trans>
        </p>
      )}
      <AddLessonForm
        inputId={addLessonInputId(module.id)}
        moduleTitle={module.title}
        onAdd={(title, kind) => addLesson.mutate({ moduleId: module.id, title, kind })}
      />
      {addLesson.isError && (
        <p className={cx(f.formError, f.spaced)} role="alert">
          {addLesson.error.message || t`We couldn't add the lesson. Please try again.`}
        </p>
      )}
    </li>
  );
}
