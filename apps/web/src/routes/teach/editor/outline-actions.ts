import type { OutlineChange } from "./outline";

/**
 * What the outline's rows can do (made by `useOutlineActions`). Its own module so the panel,
 * its module cards and their lesson rows all import it one way.
 */
export interface OutlineActions {
  change: (change: OutlineChange, announcement: string, focusId?: string) => void;
  /** `via: "keyboard"` (Alt+Arrow) keeps focus on the row's handle, always there to press again. */
  moveModule: (moduleId: string, delta: -1 | 1, via?: "keyboard" | "button") => void;
  moveLesson: (lessonId: string, delta: -1 | 1, via?: "keyboard" | "button") => void;
  moveLessonTo: (lessonId: string, toModuleId: string) => void;
  announce: (message: string) => void;
}
