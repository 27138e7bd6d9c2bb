import { Trans, useLingui } from "@lingui/react/macro";
import { type DragEvent, type KeyboardEvent, useRef } from "react";
import { Badge } from "../../../components/ui/Badge";
import { buttonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { formatDuration } from "../../../lib/format";
import type { EditableLesson, EditableModule } from "../api";
import { ConfirmDelete } from "./ConfirmDelete";
import { DragHandle } from "./DragHandle";
import { InlineTitle } from "./InlineTitle";
import { LessonBadges } from "./LessonBadges";
import { LessonContent } from "./LessonContent";
import { KIND_LABELS } from "./lesson-kinds";
import { MoveButtons } from "./MoveButtons";
import o from "./outline.module.css";
import type { OutlineActions } from "./outline-actions";
import { keyboardMoveDelta } from "./reorder";
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
  const { t } = useLingui();
  const opened = useRef(false);
  if (open) opened.current = true;
  const title = lesson.title;
  const name = t`lesson “${title}”`;
  const contentId = `lesson-content-${lesson.id}`;
  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyboardMoveDelta(event);
    if (delta === null) return;
    event.preventDefault();
    event.stopPropagation();
    actions.moveLesson(lesson.id, delta, "keyboard");
  };
  const classes = cx(
    o.row,
    dnd.over === `lesson:${lesson.id}` && o.dropTarget,
    dnd.dragging?.id === lesson.id && o.dragging,
  );

  return (
    <li className={classes} data-drag-row data-testid="lesson-row" {...dropTarget}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Alt+Arrow from any control in the row */}
      <div className={o.line} onKeyDown={onKeyDown}>
        <DragHandle id={lesson.id} name={name} {...dnd.handle("lesson", lesson.id)} />
        <Badge tone={lesson.kind === "text" ? "info" : "outline"}>
          {t(KIND_LABELS[lesson.kind])}
        </Badge>
        <InlineTitle
          title={lesson.title}
          what="lesson"
          onRename={(newTitle) =>
            actions.change(
              { type: "updateLesson", lessonId: lesson.id, patch: { title: newTitle } },
              t`Renamed lesson to “${newTitle}”.`,
            )
          }
        />
        <LessonBadges lesson={lesson} />
        {lesson.durationSeconds > 0 && (
          <span className={o.duration}>{formatDuration(lesson.durationSeconds)}</span>
        )}
        <span className={o.rowActions}>
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "small" })}
            aria-expanded={open}
            aria-controls={contentId}
            onClick={() => onToggle(!open)}
          >
            {open ? (
              <Trans>
                Close<span className="visually-hidden"> {name}</span>
              </Trans>
            ) : (
              <Trans>
                Edit<span className="visually-hidden"> {name}</span>
              </Trans>
            )}
          </button>
          <MoveButtons
            id={lesson.id}
            name={name}
            canUp={!first}
            canDown={!last}
            onMove={(delta) => actions.moveLesson(lesson.id, delta)}
          />
          <ConfirmDelete
            label={t`Delete ${name}`}
            question={t`Delete “${title}”?`}
            onConfirm={() =>
              actions.change(
                { type: "deleteLesson", lessonId: lesson.id },
                t`Deleted lesson “${title}”.`,
                "outline-heading",
              )
            }
          />
        </span>
      </div>
      {/* Once opened it stays mounted (hidden when closed), so an unsaved draft survives. */}
      {(open || opened.current) && (
        <div id={contentId} className={o.content} hidden={!open}>
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
