import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import type { EditableModule } from "../api";
import { focusAfterMove, handleId } from "./MoveButtons";
import { applyOutlineChange, findLesson, lessonStep } from "./outline";
import type { OutlineActions } from "./outline-actions";
import { useOutlineChange } from "./outline-api";
import { moveByOffset, moveOnto } from "./reorder";
import { useOutlineDnd } from "./use-outline-dnd";

/**
 * Every outline edit in one place: it is applied at once (optimistic), announced to screen
 * readers, and keyboard focus is kept on the control that made it — or its neighbour when
 * that control can no longer act (the top row's "move up").
 */
export function useOutlineActions(
  courseId: string,
  modules: EditableModule[],
  focus: (id: string) => void,
) {
  const { t } = useLingui();
  const [announcement, setAnnouncement] = useState("");
  const outline = useOutlineChange(courseId);

  const change: OutlineActions["change"] = (next, message, focusId) => {
    outline.mutate(next);
    setAnnouncement(message);
    if (focusId) focus(focusId);
  };
  const moveLessonTo = (lessonId: string, toModuleId: string, slot?: number, focusId?: string) => {
    const found = findLesson(modules, lessonId);
    const target = modules.find((m) => m.id === toModuleId);
    if (!found || !target) return;
    const title = found.module.lessons[found.lessonIndex]?.title ?? "";
    const position = slot ?? target.lessons.length;
    const count = target.lessons.length + (found.module.id === toModuleId ? 0 : 1);
    const place = Math.min(position, count - 1) + 1;
    const moduleTitle = target.title;
    change(
      { type: "moveLesson", lessonId, toModuleId, position },
      t`Moved “${title}” to position ${place} of ${count} in “${moduleTitle}”.`,
      focusId,
    );
  };

  const actions: OutlineActions = {
    change,
    announce: setAnnouncement,
    moveModule: (moduleId, delta, via = "button") => {
      const next = moveByOffset(modules, moduleId, delta);
      if (!next) return;
      const index = next.findIndex((m) => m.id === moduleId);
      const canAgain = delta === -1 ? index > 0 : index < next.length - 1;
      const title = next[index]?.title;
      const place = index + 1;
      const count = next.length;
      change(
        { type: "reorderModules", moduleIds: next.map((m) => m.id) },
        t`Moved module “${title}” to position ${place} of ${count}.`,
        via === "keyboard" ? handleId(moduleId) : focusAfterMove(moduleId, delta, canAgain),
      );
    },
    moveLesson: (lessonId, delta, via = "button") => {
      const step = lessonStep(modules, lessonId, delta);
      if (!step) return;
      const moved = applyOutlineChange(modules, { type: "moveLesson", lessonId, ...step });
      const canAgain = lessonStep(moved, lessonId, delta) !== null;
      const focusId =
        via === "keyboard" ? handleId(lessonId) : focusAfterMove(lessonId, delta, canAgain);
      moveLessonTo(lessonId, step.toModuleId, step.position, focusId);
    },
    moveLessonTo: (lessonId, toModuleId) => moveLessonTo(lessonId, toModuleId),
  };

  const dnd = useOutlineDnd({
    dropModule: (draggedId, overId) => {
      const next = moveOnto(modules, draggedId, overId);
      const index = next?.findIndex((m) => m.id === draggedId) ?? -1;
      if (next) {
        const place = index + 1;
        const count = next.length;
        change(
          { type: "reorderModules", moduleIds: next.map((m) => m.id) },
          t`Moved module to position ${place} of ${count}.`,
        );
      }
    },
    dropLesson: (lessonId, toModuleId, position) => moveLessonTo(lessonId, toModuleId, position),
  });

  return { actions, dnd, announcement, setAnnouncement, outline };
}
