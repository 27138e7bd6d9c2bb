import { type DragEvent, type KeyboardEvent, useRef } from "react";
import { formatDuration } from "../../../lib/format";
import { keyboardMoveDelta } from "../../../lib/reorder";
import type { EditableLesson, EditableModule } from "../api";
import { ConfirmDelete } from "./ConfirmDelete";
import { DragHandle } from "./DragHandle";
import { InlineTitle } from "./InlineTitle";
import { LessonBadges } from "./LessonBadges";
import { LessonContent } from "./LessonContent";
import { KIND_LABELS } from "./lesson-kinds";
import { MoveButtons } from "./MoveButtons";
import type { OutlineActions } from "./OutlinePanel";
import type { OutlineDnd } from "./use-outline-dnd";

export function LessonRow({
  lesson,
  module,
  modules,
  first,
  last,
  courseId,
  actions,
  dnd,
  dropTarget,
  open,
  onToggle,
}: {
  lesson: EditableLesson;
  module: EditableModule;
  modules: EditableModule[];
  first: boolean;
  last: boolean;
  courseId: string;
  actions: OutlineActions;
  dnd: OutlineDnd;
  dropTarget: { onDragOver: (e: DragEvent) => void; onDrop: (e: DragEvent) => void };
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const opened = useRef(false);
  if (open) opened.current = true;
  const name = `lesson “${lesson.title}”`;
  const contentId = `lesson-content-${lesson.id}`;
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyboardMoveDelta(event);
    if (delta === null) return;
    event.preventDefault();
    event.stopPropagation();
    actions.moveLesson(lesson.id, delta, "keyboard");
  };
  const classes = ["lesson-row"];
  if (dnd.over === `lesson:${lesson.id}`) classes.push("is-drop-target");
  if (dnd.dragging?.id === lesson.id) classes.push("is-dragging");

  return (
    <li className={classes.join(" ")} data-drag-row {...dropTarget}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Alt+Arrow from any control in the row */}
      <div className="lesson-line" onKeyDown={onKeyDown}>
        <DragHandle id={lesson.id} name={name} {...dnd.handle("lesson", lesson.id)} />
        <span className={`kind-badge kind-${lesson.kind}`}>{KIND_LABELS[lesson.kind]}</span>
        <InlineTitle
          title={lesson.title}
          what="lesson"
          onRename={(title) =>
            actions.change(
              { type: "updateLesson", lessonId: lesson.id, patch: { title } },
              `Renamed lesson to “${title}”.`,
            )
          }
        />
        <LessonBadges lesson={lesson} />
        {lesson.durationSeconds > 0 && (
          <span className="lesson-duration">{formatDuration(lesson.durationSeconds)}</span>
        )}
        <span className="row-actions">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-expanded={open}
            aria-controls={contentId}
            onClick={() => onToggle(!open)}
          >
            {open ? "Close" : "Edit"}
            <span className="visually-hidden"> {name}</span>
          </button>
          <MoveButtons
            id={lesson.id}
            name={name}
            canUp={!first}
            canDown={!last}
            onMove={(delta) => actions.moveLesson(lesson.id, delta)}
          />
          <ConfirmDelete
            label={`Delete ${name}`}
            question={`Delete “${lesson.title}”?`}
            onConfirm={() =>
              actions.change(
                { type: "deleteLesson", lessonId: lesson.id },
                `Deleted lesson “${lesson.title}”.`,
                "outline-heading",
              )
            }
          />
        </span>
      </div>
      {/* Once opened it stays mounted (hidden when closed), so an unsaved draft survives. */}
      {(open || opened.current) && (
        <div id={contentId} className="lesson-content" hidden={!open}>
          <LessonContent
            lesson={lesson}
            module={module}
            modules={modules}
            courseId={courseId}
            onMoveTo={(toModuleId) => actions.moveLessonTo(lesson.id, toModuleId)}
          />
        </div>
      )}
    </li>
  );
}
