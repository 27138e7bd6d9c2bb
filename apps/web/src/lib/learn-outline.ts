import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { formatNumber } from "./format";
/**
 * The course outline as a learner walks it: lessons in order across modules, the lessons
 * before and after the current one, where to resume, and what state each lesson shows.
 */
export interface LearnLesson {
  id: string;
  title: string;
  kind: string;
  durationSeconds: number;
  isPreview: boolean;
  /** Added to the outline by the learning-loop work; treated as required when absent. */
  isOptional?: boolean;
}

export interface LearnModule<L extends LearnLesson = LearnLesson> {
  id: string;
  title: string;
  lessons: L[];
}

export interface LessonProgressLike {
  lessonId: string;
  completed: boolean;
  watchedSeconds: number;
  positionSeconds: number;
  bestPercent: number | null;
  assessmentPassed: boolean | null;
  /** Assignment lessons: where the learner's submission is (null before submitting). */
  assignmentStatus?: "submitted" | "in_review" | "graded" | "needs_staff" | null;
}

export interface PlacedLesson<L extends LearnLesson> {
  lesson: L;
  module: LearnModule<L>;
  /** 0-based within its module. */
  index: number;
}

export function placeLessons<L extends LearnLesson>(modules: readonly LearnModule<L>[]) {
  return modules.flatMap((module) =>
    module.lessons.map((lesson, index): PlacedLesson<L> => ({ lesson, module, index })),
  );
}

export interface LocatedLesson<L extends LearnLesson> extends PlacedLesson<L> {
  /** 0-based in the whole course. */
  position: number;
  total: number;
  previous: L | null;
  next: L | null;
}

/** The lesson, and its neighbours across module boundaries. */
export function locateLesson<L extends LearnLesson>(
  modules: readonly LearnModule<L>[],
  lessonId: string,
): LocatedLesson<L> | null {
  const all = placeLessons(modules);
  const at = all.findIndex((p) => p.lesson.id === lessonId);
  const current = all[at];
  if (!current) return null;
  return {
    ...current,
    position: at,
    total: all.length,
    previous: all[at - 1]?.lesson ?? null,
    next: all[at + 1]?.lesson ?? null,
  };
}

/**
 * Where "Continue" goes: the server's pick when the outline still has it, else the first
 * unfinished lesson, else the first lesson (a finished course reopens at the start).
 */
export function resumeLesson<L extends LearnLesson>(
  modules: readonly LearnModule<L>[],
  progress: { resumeLessonId: string | null; lessons: LessonProgressLike[] } | null,
): L | null {
  const all = placeLessons(modules).map((p) => p.lesson);
  const chosen = progress?.resumeLessonId
    ? all.find((l) => l.id === progress.resumeLessonId)
    : undefined;
  if (chosen) return chosen;
  const done = new Set(progress?.lessons.filter((l) => l.completed).map((l) => l.lessonId));
  return all.find((l) => !done.has(l.id)) ?? all[0] ?? null;
}

export type LessonStatus =
  | { type: "locked" }
  | { type: "done" }
  /** Quizzes and exercises (best of their attempts) and assignments (their one grade). */
  | { type: "quiz"; bestPercent: number; passed: boolean; graded?: boolean }
  /** An assignment submitted and not graded yet: waiting for peer reviews or for staff. */
  | { type: "submitted"; waitingFor: "reviews" | "staff" }
  | { type: "in-progress" }
  | { type: "not-started" };

export function lessonStatus(
  lesson: LearnLesson,
  state: LessonProgressLike | undefined,
  canOpenAll: boolean,
): LessonStatus {
  if (!canOpenAll && !lesson.isPreview) return { type: "locked" };
  if (state?.completed) return { type: "done" };
  if (state && state.bestPercent !== null) {
    return {
      type: "quiz",
      bestPercent: state.bestPercent,
      passed: state.assessmentPassed === true,
      ...(lesson.kind === "assignment" && { graded: true }),
    };
  }
  const submitted = state?.assignmentStatus;
  if (submitted === "submitted" || submitted === "in_review" || submitted === "needs_staff") {
    return { type: "submitted", waitingFor: submitted === "needs_staff" ? "staff" : "reviews" };
  }
  if (state && (state.watchedSeconds > 0 || state.positionSeconds > 0)) {
    return { type: "in-progress" };
  }
  return { type: "not-started" };
}

/** Words for a screen reader (and the tooltip) that the icons show to sighted users. */
export function statusLabel(status: LessonStatus): string {
  switch (status.type) {
    case "locked":
      return t`Locked, enroll to open`;
    case "done":
      return t`Completed`;
    case "quiz":
      return quizStatusLabel(
        status.graded === true,
        status.passed,
        formatPercent(status.bestPercent),
      );
    case "submitted":
      return status.waitingFor === "staff"
        ? t`Submitted, waiting for an instructor's grade`
        : t`Submitted, waiting for reviews`;
    case "in-progress":
      return t`In progress`;
    case "not-started":
      return t`Not started`;
  }
}

/** Whole sentences per case: the words around the score reorder between languages. */
function quizStatusLabel(graded: boolean, passed: boolean, score: string): string {
  if (graded) return passed ? t`Graded ${score}, passed` : t`Graded ${score}, not passed yet`;
  return passed ? t`Best score ${score}, passed` : t`Best score ${score}, not passed yet`;
}

/** "80 %", "66.7 %": scores keep one decimal where they have one (in the active language). */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${formatNumber(rounded)} %`;
}

const KIND_MESSAGES: Record<string, MessageDescriptor> = {
  video: msg`Video`,
  pdf: msg`Reading (PDF)`,
  text: msg`Reading`,
  quiz: msg`Quiz`,
  assignment: msg`Assignment`,
  exercise: msg`Exercise`,
};

/**
 * Lesson kinds by name. Each entry is a getter that translates when read (during render), so
 * the map keeps its string type for its callers and follows a language switch.
 */
export const LESSON_KIND_LABELS: Readonly<Record<string, string>> = Object.defineProperties(
  {},
  Object.fromEntries(
    Object.entries(KIND_MESSAGES).map(([kind, message]) => [
      kind,
      { enumerable: true, get: () => i18n._(message) },
    ]),
  ),
);
