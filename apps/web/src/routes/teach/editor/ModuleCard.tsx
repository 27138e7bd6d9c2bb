import type { KeyboardEvent } from "react";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import { plural } from "../../../lib/format";
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
  const addLesson = useAddLesson(courseId, (_id, title) =>
    actions.announce(`Added lesson “${title}” to “${module.title}”.`),
  );
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyboardMoveDelta(event);
    if (delta === null) return;
    event.preventDefault();
    actions.moveModule(module.id, delta, "keyboard");
  };
  const name = `module “${module.title}”`;
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
              `Renamed module to “${title}”.`,
            )
          }
        />
        <span className={o.count}>{plural(module.lessons.length, "lesson")}</span>
        <span className={o.rowActions}>
          <MoveButtons
            id={module.id}
            name={name}
            canUp={index > 0}
            canDown={index < modules.length - 1}
            onMove={(delta) => actions.moveModule(module.id, delta)}
          />
          <ConfirmDelete
            label={`Delete ${name}`}
            question={
              module.lessons.length > 0
                ? `Delete “${module.title}” and its ${plural(module.lessons.length, "lesson")}?`
                : `Delete “${module.title}”?`
            }
            onConfirm={() =>
              actions.change(
                { type: "deleteModule", moduleId: module.id },
                `Deleted module “${module.title}”.`,
                "outline-heading",
              )
            }
          />
        </span>
      </div>
      {module.lessons.length > 0 ? (
        <ol className={o.lessons} aria-label={`Lessons in ${module.title}`}>
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
        <p className={o.lessonEmpty}>No lessons yet. Add one below, or drag a lesson here.</p>
      )}
      <AddLessonForm
        inputId={addLessonInputId(module.id)}
        moduleTitle={module.title}
        onAdd={(title, kind) => addLesson.mutate({ moduleId: module.id, title, kind })}
      />
      {addLesson.isError && (
        <p className={cx(f.formError, f.spaced)} role="alert">
          {addLesson.error.message || "We couldn't add the lesson. Please try again."}
        </p>
      )}
    </li>
  );
}
