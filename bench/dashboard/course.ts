import {
  createCourse,
  createLesson,
  createModule,
  createQuiz,
  createUser,
  createVideoAsset,
} from "@lumen/core/testing";
import { type Database, quizQuestions } from "@lumen/db";

/**
 * The benchmark course's outline: 20 lessons in 4 modules, in this order. Videos run 300–900 s;
 * four quizzes of choice questions; three text lessons, the last one optional (extra reading),
 * so "lessons completed" and "required lessons completed" differ as they do in real courses.
 */
const OUTLINE: ReadonlyArray<"video" | "text" | "quiz"> = [
  "text",
  "video",
  "video",
  "video",
  "quiz",
  "video",
  "video",
  "video",
  "video",
  "quiz",
  "text",
  "video",
  "video",
  "video",
  "quiz",
  "video",
  "video",
  "video",
  "quiz",
  "text",
];

export interface BenchLesson {
  /** Outline order, 0-based. */
  order: number;
  id: string;
  kind: "video" | "text" | "quiz";
  /** Video length in whole seconds (0 for the others). */
  seconds: number;
  optional: boolean;
}

/** A quiz question with the responses the generator writes: the right one and two wrong ones. */
export interface BenchQuestion {
  id: string;
  lessonId: string;
  position: number;
  points: number;
  /** Share of attempts that get it right before ability and practice adjust it. */
  ease: number;
  right: unknown;
  /** The distractor most wrong answers pick, then any other wrong answer. */
  distractor: unknown;
  otherWrong: unknown;
}

/**
 * Four questions per quiz, the kinds the analytics break down by option: single choice (the
 * most-chosen wrong option is a distractor), multiple choice (all or nothing) and true/false.
 */
function questionsFor(quiz: number) {
  return [
    {
      kind: "single_choice" as const,
      prompt: `Quiz ${quiz + 1}: which statement describes the main idea of this module?`,
      points: 1,
      ease: 0.85,
      options: ["a", "b", "c", "d"].map((id) => ({ id, text: `Statement ${id.toUpperCase()}` })),
      answer: { optionId: "b" },
      right: { kind: "choice", optionIds: ["b"] },
      distractor: { kind: "choice", optionIds: ["c"] },
      otherWrong: { kind: "choice", optionIds: ["a"] },
    },
    {
      kind: "multiple_choice" as const,
      prompt: `Quiz ${quiz + 1}: select every example that applies.`,
      points: 2,
      ease: 0.55,
      options: ["w", "x", "y", "z"].map((id) => ({ id, text: `Example ${id}` })),
      answer: { optionIds: ["w", "y"] },
      right: { kind: "choice", optionIds: ["w", "y"] },
      distractor: { kind: "choice", optionIds: ["w"] },
      otherWrong: { kind: "choice", optionIds: ["w", "x", "y"] },
    },
    {
      kind: "true_false" as const,
      prompt: `Quiz ${quiz + 1}: the second video's rule applies to every case.`,
      points: 1,
      ease: 0.7,
      options: [],
      answer: { value: false },
      right: { kind: "boolean", value: false },
      distractor: { kind: "boolean", value: true },
      otherWrong: { kind: "boolean", value: true },
    },
    {
      kind: "single_choice" as const,
      prompt: `Quiz ${quiz + 1}: what does the worked example compute?`,
      points: 2,
      ease: 0.4,
      options: ["p", "q", "r"].map((id) => ({ id, text: `Result ${id}` })),
      answer: { optionId: "r" },
      right: { kind: "choice", optionIds: ["r"] },
      distractor: { kind: "choice", optionIds: ["p"] },
      otherWrong: { kind: "choice", optionIds: ["q"] },
    },
  ];
}

/** The instructor, the course and its outline, through the shared test factories. */
export async function createBenchCourse(db: Database) {
  const instructor = await createUser(db, "instructor", {
    name: "Dashboard Bench Instructor",
    email: "instructor@dashboard.bench.lumen.dev",
  });
  const course = await createCourse(db, instructor, {
    slug: "dashboard-bench-course",
    title: "Data Analysis at Scale",
    publishedAt: new Date(Date.now() - 120 * 86_400_000),
    listOwner: true,
  });
  const lessons: BenchLesson[] = [];
  const questions: BenchQuestion[] = [];
  for (let m = 0; m < 4; m++) {
    const mod = await createModule(db, course.id, { title: `Module ${m + 1}`, position: m });
    for (let p = 0; p < 5; p++) {
      const order = m * 5 + p;
      const kind = OUTLINE[order] ?? "text";
      // 300–900 s, varied but fixed per position.
      const seconds = kind === "video" ? 300 + ((order * 277) % 601) : 0;
      const optional = order === OUTLINE.length - 1;
      const lesson = await createLesson(db, mod.id, {
        title: `${m + 1}.${p + 1} ${kind === "quiz" ? "Check your understanding" : `Part ${p + 1}`}`,
        kind,
        position: p,
        durationSeconds: seconds,
        isOptional: optional,
        body: kind === "text" ? "Read this before the next videos." : "",
      });
      if (kind === "video") {
        await createVideoAsset(db, { id: lesson.id, courseId: course.id }, instructor, {
          originalFilename: `lesson-${order + 1}.mp4`,
          status: "ready",
          durationSeconds: seconds,
          playableAt: new Date(),
          readyAt: new Date(),
          current: true,
        });
      }
      if (kind === "quiz") {
        await createQuiz(db, lesson.id, { passingPercent: 70, maxAttempts: null });
        const quizIndex = lessons.filter((l) => l.kind === "quiz").length;
        for (const [position, q] of questionsFor(quizIndex).entries()) {
          const [row] = await db
            .insert(quizQuestions)
            .values({
              lessonId: lesson.id,
              position,
              kind: q.kind,
              prompt: q.prompt,
              points: q.points,
              options: q.options,
              answer: q.answer,
              explanation: "Review the module's second video.",
            })
            .returning({ id: quizQuestions.id });
          if (!row) throw new Error("quiz question insert returned nothing");
          questions.push({ id: row.id, lessonId: lesson.id, position, ...q });
        }
      }
      lessons.push({ order, id: lesson.id, kind, seconds, optional });
    }
  }
  return { instructor, course, lessons, questions };
}
