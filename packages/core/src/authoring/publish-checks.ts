import type { Problem } from "../kernel";
import {
  COURSE_DESCRIPTION_MIN_TO_PUBLISH,
  COURSE_SUBTITLE_MAX,
  COURSE_TITLE_MIN_TO_PUBLISH,
} from "./limits";
import type { CourseDraft, DraftLesson } from "./load-course";

export type PublishProblemCode =
  | "title_too_short"
  | "subtitle_missing"
  | "description_too_short"
  | "no_modules"
  | "no_lessons"
  | "empty_module"
  | "empty_text_lesson"
  | "video_missing"
  | "video_not_ready"
  | "video_failed"
  | "quiz_empty"
  | "exercise_no_tests"
  | "exercise_no_reference"
  | "exercise_reference_pending"
  | "exercise_reference_failed"
  | "assignment_no_prompt"
  | "assignment_no_rubric"
  | "document_missing";

export interface PublishProblem extends Problem {
  code: PublishProblemCode;
  /** The module or lesson to open in the outline editor, for outline problems. */
  moduleId?: string;
  lessonId?: string;
}

type PublishCheck = (course: CourseDraft) => PublishProblem[];

/**
 * What blocks publishing, one check per rule, in the order the editor lists them. Lesson
 * kinds with content of their own add their rule here, reading what loadCourseDraft loads.
 */
export const PUBLISH_CHECKS: readonly PublishCheck[] = [
  ({ title }) =>
    title.trim().length < COURSE_TITLE_MIN_TO_PUBLISH
      ? [
          {
            code: "title_too_short",
            field: "title",
            message: `Give your course a title of at least ${COURSE_TITLE_MIN_TO_PUBLISH} characters.`,
          },
        ]
      : [],
  ({ subtitle }) =>
    subtitle.trim() === ""
      ? [
          {
            code: "subtitle_missing",
            field: "subtitle",
            message: `Add a subtitle (up to ${COURSE_SUBTITLE_MAX} characters) that says who the course is for.`,
          },
        ]
      : [],
  ({ description }) =>
    description.trim().length < COURSE_DESCRIPTION_MIN_TO_PUBLISH
      ? [
          {
            code: "description_too_short",
            field: "description",
            message: `Write a description of at least ${COURSE_DESCRIPTION_MIN_TO_PUBLISH} characters so learners know what they will learn.`,
          },
        ]
      : [],
  ({ modules }) =>
    modules.length === 0
      ? [{ code: "no_modules", field: "modules", message: "Add at least one module." }]
      : [],
  ({ modules }) =>
    modules.every((m) => m.lessons.length === 0)
      ? [{ code: "no_lessons", field: "lessons", message: "Add at least one lesson." }]
      : [],
  ({ modules }) =>
    modules
      .filter((m) => m.lessons.length === 0)
      .map((m) => ({
        code: "empty_module" as const,
        field: "modules",
        moduleId: m.id,
        message: `Module “${m.title}” has no lessons. Add a lesson or delete the module.`,
      })),
  ({ modules }) =>
    modules.flatMap((m) =>
      m.lessons
        .filter((l) => l.kind === "text" && l.body.trim() === "")
        .map((l) => ({
          code: "empty_text_lesson" as const,
          field: "lessons",
          moduleId: m.id,
          lessonId: l.id,
          message: `Text lesson “${l.title}” is empty. Write its content before publishing.`,
        })),
    ),
  ({ modules }) =>
    modules.flatMap((m) =>
      m.lessons.flatMap((l) => {
        const problem = videoProblem(l) ?? contentProblem(l) ?? exerciseProblem(l);
        return problem ? [{ ...problem, field: "lessons", moduleId: m.id, lessonId: l.id }] : [];
      }),
    ),
];

/** A video lesson publishes once its video is ready (the whole ladder, not just playable). */
function videoProblem({ kind, title, video }: DraftLesson) {
  if (kind !== "video" || video?.status === "ready") return null;
  if (!video) {
    return { code: "video_missing" as const, message: `Upload a video for lesson “${title}”.` };
  }
  if (video.status === "failed") {
    const reason = (video.failureReason ?? "unknown error").replace(/\.$/, "");
    return {
      code: "video_failed" as const,
      message: `The video for lesson “${title}” failed to process: ${reason}. Upload it again.`,
    };
  }
  const state = video.status === "uploading" ? "still uploading" : "still processing";
  return {
    code: "video_not_ready" as const,
    message: `The video for lesson “${title}” is ${state}.`,
  };
}

/** Quiz, PDF and assignment lessons publish once they have something to take, read or grade by. */
function contentProblem({
  kind,
  title,
  body,
  questionCount,
  rubricCriteria,
  document,
}: DraftLesson) {
  if (kind === "assignment" && !body.trim()) {
    return {
      code: "assignment_no_prompt" as const,
      message: `Assignment “${title}” has no prompt. Say what learners should submit.`,
    };
  }
  if (kind === "assignment" && !rubricCriteria) {
    return {
      code: "assignment_no_rubric" as const,
      message: `Assignment “${title}” has no rubric. Add at least one criterion reviewers grade by.`,
    };
  }
  if (kind === "quiz" && !questionCount) {
    return {
      code: "quiz_empty" as const,
      message: `Quiz “${title}” has no questions. Add at least one before publishing.`,
    };
  }
  if (kind === "pdf" && !document) {
    return { code: "document_missing" as const, message: `Upload a PDF for lesson “${title}”.` };
  }
  return null;
}

const VERDICT_WORDS: Record<string, string> = {
  WA: "gives a wrong answer",
  TLE: "runs out of time",
  MLE: "runs out of memory",
  RE: "fails with a runtime error",
  CE: "does not compile",
  OLE: "prints too much",
};

/**
 * An exercise publishes once its reference solution passed every one of its current tests in
 * the sandbox: a wrong hidden test is the complaint learners have most, so it is caught here.
 */
function exerciseProblem({ kind, title, exercise }: DraftLesson) {
  if (kind !== "exercise" || !exercise) return null;
  if (exercise.testCount === 0) {
    return {
      code: "exercise_no_tests" as const,
      message: `Exercise “${title}” has no tests. Add at least one before publishing.`,
    };
  }
  if (!exercise.hasReference) {
    return {
      code: "exercise_no_reference" as const,
      message: `Exercise “${title}” needs a reference solution; it must pass every test before publishing.`,
    };
  }
  const { check } = exercise;
  if (check?.status !== "graded") {
    return {
      code: "exercise_reference_pending" as const,
      message: `The reference solution of exercise “${title}” is still being checked against its tests.`,
    };
  }
  if (check.passed) return null;
  if (check.compileError !== null) {
    return {
      code: "exercise_reference_failed" as const,
      message: `The reference solution of exercise “${title}” does not compile. Fix it and save.`,
    };
  }
  const failing = check.failing.slice(0, 3).map((t) => {
    const which = `test ${t.position + 1} (${t.hidden ? "hidden" : "sample"})`;
    return `${which} ${VERDICT_WORDS[t.verdict] ?? `fails (${t.verdict})`}`;
  });
  const more = check.failing.length > 3 ? ` and ${check.failing.length - 3} more` : "";
  return {
    code: "exercise_reference_failed" as const,
    message: `The reference solution of exercise “${title}” fails: ${failing.join("; ")}${more}. Fix the test or the solution and save.`,
  };
}

export function publishProblems(course: CourseDraft): PublishProblem[] {
  return PUBLISH_CHECKS.flatMap((check) => check(course));
}
