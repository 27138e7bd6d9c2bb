import { describe, expect, it } from "vitest";
import {
  formatPercent,
  type LearnModule,
  type LessonProgressLike,
  lessonStatus,
  locateLesson,
  resumeLesson,
  statusLabel,
} from "./learn-outline";

const lesson = (id: string, extra: { isPreview?: boolean; kind?: string } = {}) => ({
  id,
  title: `Lesson ${id}`,
  kind: extra.kind ?? "video",
  durationSeconds: 60,
  isPreview: extra.isPreview ?? false,
});

const modules: LearnModule[] = [
  { id: "m1", title: "One", lessons: [lesson("a"), lesson("b")] },
  { id: "m2", title: "Empty", lessons: [] },
  { id: "m3", title: "Three", lessons: [lesson("c")] },
];

const state = (lessonId: string, over: Partial<LessonProgressLike> = {}): LessonProgressLike => ({
  lessonId,
  completed: false,
  watchedSeconds: 0,
  positionSeconds: 0,
  bestPercent: null,
  assessmentPassed: null,
  ...over,
});

describe("walking the outline", () => {
  it("finds the neighbours across module boundaries, skipping empty modules", () => {
    const at = locateLesson(modules, "b");
    expect(at?.previous?.id).toBe("a");
    expect(at?.next?.id).toBe("c");
    expect(at?.module.id).toBe("m1");
    expect([at?.index, at?.position, at?.total]).toEqual([1, 1, 3]);
    expect(locateLesson(modules, "a")?.previous).toBeNull();
    expect(locateLesson(modules, "c")?.next).toBeNull();
    expect(locateLesson(modules, "zzz")).toBeNull();
  });

  it("resumes where the server says when that lesson still exists", () => {
    expect(resumeLesson(modules, { resumeLessonId: "c", lessons: [] })?.id).toBe("c");
  });

  it("otherwise resumes at the first unfinished lesson, or at the start when all are done", () => {
    const someDone = [state("a", { completed: true })];
    expect(resumeLesson(modules, { resumeLessonId: "gone", lessons: someDone })?.id).toBe("b");
    const allDone = ["a", "b", "c"].map((id) => state(id, { completed: true }));
    expect(resumeLesson(modules, { resumeLessonId: null, lessons: allDone })?.id).toBe("a");
    expect(resumeLesson(modules, null)?.id).toBe("a");
    expect(resumeLesson([], null)).toBeNull();
  });
});

describe("a lesson's state in the outline", () => {
  it("is locked for visitors unless it is a free preview", () => {
    expect(lessonStatus(lesson("a"), undefined, false)).toEqual({ type: "locked" });
    expect(lessonStatus(lesson("a", { isPreview: true }), undefined, false).type).toBe(
      "not-started",
    );
  });

  it("shows done, a quiz score, in progress or not started for a learner", () => {
    expect(lessonStatus(lesson("a"), state("a", { completed: true }), true).type).toBe("done");
    const quiz = state("q", { bestPercent: 66.66, assessmentPassed: false });
    const status = lessonStatus(lesson("q", { kind: "quiz" }), quiz, true);
    expect(statusLabel(status)).toBe("Best score 66.7 %, not passed yet");
    expect(lessonStatus(lesson("a"), state("a", { positionSeconds: 3 }), true).type).toBe(
      "in-progress",
    );
    expect(statusLabel(lessonStatus(lesson("a"), undefined, true))).toBe("Not started");
  });

  it("shows an assignment's one grade (not a best of attempts) until the lesson completes", () => {
    const graded = state("e", { bestPercent: 80, assessmentPassed: true });
    const status = lessonStatus(lesson("e", { kind: "assignment" }), graded, true);
    expect(status).toMatchObject({ type: "quiz", bestPercent: 80, passed: true });
    expect(statusLabel(status)).toBe("Graded 80 %, passed");
  });

  it("shows a submitted assignment as waiting for reviews, or for staff, until it is graded", () => {
    const assignment = lesson("e", { kind: "assignment" });
    const waiting = (assignmentStatus: LessonProgressLike["assignmentStatus"]) =>
      statusLabel(lessonStatus(assignment, state("e", { assignmentStatus }), true));
    expect(waiting("submitted")).toBe("Submitted, waiting for reviews");
    expect(waiting("in_review")).toBe("Submitted, waiting for reviews");
    expect(waiting("needs_staff")).toBe("Submitted, waiting for an instructor's grade");
    expect(waiting(null)).toBe("Not started");
  });

  it("formats percents with at most one decimal", () => {
    expect([formatPercent(80), formatPercent(33.333), formatPercent(100)]).toEqual([
      "80 %",
      "33.3 %",
      "100 %",
    ]);
  });
});
