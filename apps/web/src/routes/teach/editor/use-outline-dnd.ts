import { type DragEvent, useState } from "react";

type Drag = { kind: "module" | "lesson"; id: string };

/**
 * Native drag and drop for the outline: modules onto modules, lessons onto lessons (they
 * take that lesson's place) or onto a module (they go last). The move buttons and Alt+Arrow
 * do the same from the keyboard.
 */
export function useOutlineDnd(handlers: {
  dropModule: (draggedId: string, overModuleId: string) => void;
  dropLesson: (lessonId: string, toModuleId: string, position: number) => void;
}) {
  const [drag, setDrag] = useState<Drag | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const end = () => {
    setDrag(null);
    setOver(null);
  };
  const target = (accepts: (d: Drag) => boolean, key: string, drop: (d: Drag) => void) => ({
    onDragOver: (event: DragEvent) => {
      if (!drag || !accepts(drag)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = "move";
      if (over !== key) setOver(key);
    },
    onDrop: (event: DragEvent) => {
      if (!drag || !accepts(drag)) return;
      event.preventDefault();
      event.stopPropagation();
      drop(drag);
      end();
    },
  });

  return {
    dragging: drag,
    over,
    handle: (kind: Drag["kind"], id: string) => ({
      draggable: true,
      onDragStart: (event: DragEvent<HTMLElement>) => {
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", id);
        const row = event.currentTarget.closest("[data-drag-row]");
        if (row) event.dataTransfer.setDragImage(row, 20, 20);
        setDrag({ kind, id });
      },
      onDragEnd: end,
    }),
    /** A module card: other modules take its place; lessons dropped on it go last. */
    moduleTarget: (moduleId: string, lessonCount: number) =>
      target(
        (d) => d.id !== moduleId,
        `module:${moduleId}`,
        (d) =>
          d.kind === "module"
            ? handlers.dropModule(d.id, moduleId)
            : handlers.dropLesson(d.id, moduleId, lessonCount),
      ),
    lessonTarget: (moduleId: string, index: number, lessonId: string) =>
      target(
        (d) => d.kind === "lesson" && d.id !== lessonId,
        `lesson:${lessonId}`,
        (d) => handlers.dropLesson(d.id, moduleId, index),
      ),
  };
}

export type OutlineDnd = ReturnType<typeof useOutlineDnd>;
