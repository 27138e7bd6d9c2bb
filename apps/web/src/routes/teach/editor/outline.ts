import type { EditableLesson } from "../api";
import { moveItem } from "./reorder";

/**
 * The course outline as the editor holds it, and the changes it can make. Every change is
 * applied to the cached outline first (optimistic) and rolled back if the server refuses.
 */

/**
 * The fields of the router's lesson that outline changes read or write. The changes are generic
 * over the module type (`applyOutlineChange<M>`), so the cached lessons keep all their other
 * fields (`isPreview`, the video's state…) as they are.
 */
export type OutlineLesson = Pick<
  EditableLesson,
  "id" | "title" | "kind" | "position" | "durationSeconds" | "body"
>;

export interface OutlineModule {
  id: string;
  title: string;
  position: number;
  lessons: OutlineLesson[];
}

export type OutlineChange =
  | { type: "reorderModules"; moduleIds: string[] }
  | { type: "renameModule"; moduleId: string; title: string }
  | { type: "deleteModule"; moduleId: string }
  | { type: "reorderLessons"; moduleId: string; lessonIds: string[] }
  | { type: "moveLesson"; lessonId: string; toModuleId: string; position: number }
  | {
      type: "updateLesson";
      lessonId: string;
      patch: Partial<Pick<OutlineLesson, "title" | "body" | "durationSeconds">>;
    }
  | { type: "deleteLesson"; lessonId: string };

/** Positions follow list order, so the cache matches what the server will store. */
function renumber<T extends { position: number }>(list: T[]): T[] {
  return list.map((item, position) => (item.position === position ? item : { ...item, position }));
}

function byIds<T extends { id: string }>(list: readonly T[], ids: readonly string[]): T[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  // Unknown items keep their relative order after the listed ones.
  return [...list].sort(
    (a, b) =>
      (index.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (index.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
}

export function findLesson(modules: readonly OutlineModule[], lessonId: string) {
  for (const [moduleIndex, module] of modules.entries()) {
    const lessonIndex = module.lessons.findIndex((l) => l.id === lessonId);
    if (lessonIndex !== -1) return { module, moduleIndex, lessonIndex };
  }
  return null;
}

export function applyOutlineChange<M extends OutlineModule>(
  modules: M[],
  change: OutlineChange,
): M[] {
  const mapLessons = (fn: (lessons: OutlineLesson[], module: M) => OutlineLesson[]) =>
    modules.map((m) => {
      const lessons = fn(m.lessons, m);
      return lessons === m.lessons ? m : { ...m, lessons: renumber(lessons) };
    });
  switch (change.type) {
    case "reorderModules":
      return renumber(byIds(modules, change.moduleIds));
    case "renameModule":
      return modules.map((m) => (m.id === change.moduleId ? { ...m, title: change.title } : m));
    case "deleteModule":
      return renumber(modules.filter((m) => m.id !== change.moduleId));
    case "reorderLessons":
      return mapLessons((lessons, m) =>
        m.id === change.moduleId ? byIds(lessons, change.lessonIds) : lessons,
      );
    case "updateLesson":
      return mapLessons((lessons) =>
        lessons.some((l) => l.id === change.lessonId)
          ? lessons.map((l) => (l.id === change.lessonId ? { ...l, ...change.patch } : l))
          : lessons,
      );
    case "deleteLesson":
      return mapLessons((lessons) =>
        lessons.some((l) => l.id === change.lessonId)
          ? lessons.filter((l) => l.id !== change.lessonId)
          : lessons,
      );
    case "moveLesson":
      return moveLesson(modules, change.lessonId, change.toModuleId, change.position);
  }
}

function moveLesson<M extends OutlineModule>(
  modules: M[],
  lessonId: string,
  toModuleId: string,
  position: number,
): M[] {
  const found = findLesson(modules, lessonId);
  const lesson = found?.module.lessons[found.lessonIndex];
  if (!found || !lesson || !modules.some((m) => m.id === toModuleId)) return modules;
  if (found.module.id === toModuleId) {
    return modules.map((m) =>
      m.id === toModuleId
        ? { ...m, lessons: renumber(moveItem(m.lessons, found.lessonIndex, position)) }
        : m,
    );
  }
  return modules.map((m) => {
    if (m.id === found.module.id)
      return { ...m, lessons: renumber(m.lessons.filter((l) => l.id !== lessonId)) };
    if (m.id !== toModuleId) return m;
    const lessons = [...m.lessons];
    lessons.splice(Math.max(0, Math.min(position, lessons.length)), 0, lesson);
    return { ...m, lessons: renumber(lessons) };
  });
}

/**
 * Keyboard "move down" past a module's last lesson continues into the next module (and up
 * past the first into the previous one), so every place is reachable with two keys.
 */
export function lessonStep(
  modules: readonly OutlineModule[],
  lessonId: string,
  delta: -1 | 1,
): { toModuleId: string; position: number } | null {
  const found = findLesson(modules, lessonId);
  if (!found) return null;
  const target = found.lessonIndex + delta;
  if (target >= 0 && target < found.module.lessons.length) {
    return { toModuleId: found.module.id, position: target };
  }
  const neighbour = modules[found.moduleIndex + delta];
  if (!neighbour) return null;
  return { toModuleId: neighbour.id, position: delta === 1 ? 0 : neighbour.lessons.length };
}
