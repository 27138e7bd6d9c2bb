import { eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  courseInstructors,
  courses,
  lessons,
  modules,
  quizQuestions,
  quizzes,
  videoAssets,
} from "../schema";

export const ACTIVITY_COURSE_SLUG = "data-analysis-foundations";

/** A choice or true/false question with the response a learner gives when right or wrong. */
export interface ActivityQuestion {
  id: string;
  points: number;
  /** Share of first attempts that get it right (before the learner's ability shifts it). */
  ease: number;
  right: Record<string, unknown>;
  /** Most wrong answers pick this one: the dashboard's "most chosen wrong option". */
  wrong: Record<string, unknown>;
}

export interface ActivityLesson {
  id: string;
  kind: "video" | "text" | "quiz";
  /** Whole seconds of video (0 for the others). */
  seconds: number;
  optional: boolean;
  questions: ActivityQuestion[];
}

const OUTLINE = [
  {
    title: "Getting started",
    lessons: [
      { title: "Welcome and how to use this course", kind: "text", seconds: 0 },
      { title: "Spreadsheets in five minutes", kind: "video", seconds: 300 },
      { title: "Cleaning messy data", kind: "video", seconds: 420 },
      { title: "Check: cleaning data", kind: "quiz", seconds: 0 },
    ],
  },
  {
    title: "Telling the story",
    lessons: [
      { title: "Charts that tell the truth", kind: "video", seconds: 360 },
      { title: "Averages, medians and outliers", kind: "video", seconds: 480 },
      { title: "Check: summaries and charts", kind: "quiz", seconds: 0 },
      { title: "Further reading", kind: "text", seconds: 0 },
    ],
  },
] as const;

const QUIZ_QUESTIONS = [
  {
    kind: "single_choice" as const,
    prompt: "A column mixes '1,000' and '1000'. What do you do first?",
    points: 1,
    ease: 0.8,
    options: [
      { id: "delete", text: "Delete the rows that differ" },
      { id: "normalize", text: "Normalize the number format" },
      { id: "ignore", text: "Leave it; the chart will cope" },
    ],
    answer: { optionId: "normalize" },
    right: { kind: "choice", optionIds: ["normalize"] },
    wrong: { kind: "choice", optionIds: ["delete"] },
  },
  {
    kind: "multiple_choice" as const,
    prompt: "Which of these are robust to outliers?",
    points: 2,
    ease: 0.5,
    options: [
      { id: "mean", text: "Mean" },
      { id: "median", text: "Median" },
      { id: "iqr", text: "Interquartile range" },
      { id: "range", text: "Range" },
    ],
    answer: { optionIds: ["median", "iqr"] },
    right: { kind: "choice", optionIds: ["median", "iqr"] },
    wrong: { kind: "choice", optionIds: ["mean", "median"] },
  },
  {
    kind: "true_false" as const,
    prompt: "A bar chart's axis may start above zero without misleading anyone.",
    points: 1,
    ease: 0.65,
    options: [],
    answer: { value: false },
    right: { kind: "boolean", value: false },
    wrong: { kind: "boolean", value: true },
  },
];

/**
 * The demo analytics course of the seed instructor: two modules of videos (300–480 s, each with
 * a ready video asset of that duration, so retention has a timeline), two quizzes of choice
 * and true/false questions, a welcome text and an optional reading. Its videos have no media
 * files: the dashboard reads their durations, the player has nothing to play.
 */
export async function createActivityCourse(db: Database, instructorId: string, now: Date) {
  const publishedAt = new Date(now.getTime() - 75 * 86_400_000);
  const [course] = await db
    .insert(courses)
    .values({
      slug: ACTIVITY_COURSE_SLUG,
      title: "Data Analysis Foundations",
      subtitle: "Clean, summarize and chart data without fooling yourself.",
      description:
        "A short course with a few hundred learners' activity, seeded so the instructor dashboard has something to show on a first run.",
      category: "Data Science",
      level: "beginner",
      language: "en",
      tags: ["data analysis", "data science", "beginner"],
      instructorId,
      status: "published",
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })
    .onConflictDoNothing({ target: courses.slug })
    .returning({ id: courses.id, title: courses.title });
  if (!course) return null;
  await db.insert(courseInstructors).values({ courseId: course.id, userId: instructorId });
  const outline: ActivityLesson[] = [];
  for (const [m, plan] of OUTLINE.entries()) {
    const [mod] = await db
      .insert(modules)
      .values({ courseId: course.id, title: plan.title, position: m })
      .returning({ id: modules.id });
    if (!mod) throw new Error("module insert returned nothing");
    for (const [position, l] of plan.lessons.entries()) {
      const optional = l.title === "Further reading";
      const [lesson] = await db
        .insert(lessons)
        .values({
          moduleId: mod.id,
          title: l.title,
          kind: l.kind,
          position,
          durationSeconds: l.seconds,
          isOptional: optional,
          body: l.kind === "text" ? `## ${l.title}\n\nRead this, then mark it complete.` : "",
        })
        .returning({ id: lessons.id });
      if (!lesson) throw new Error("lesson insert returned nothing");
      const questions: ActivityQuestion[] = [];
      if (l.kind === "video") {
        const [asset] = await db
          .insert(videoAssets)
          .values({
            courseId: course.id,
            lessonId: lesson.id,
            uploadedBy: instructorId,
            status: "ready",
            originalFilename: `${l.title.toLowerCase().replace(/\W+/g, "-")}.mp4`,
            byteSize: l.seconds * 250_000,
            durationSeconds: l.seconds,
            width: 1280,
            height: 720,
            uploadedAt: publishedAt,
            playableAt: publishedAt,
            readyAt: publishedAt,
          })
          .returning({ id: videoAssets.id });
        await db.update(lessons).set({ videoAssetId: asset?.id }).where(eq(lessons.id, lesson.id));
      }
      if (l.kind === "quiz") {
        await db
          .insert(quizzes)
          .values({ lessonId: lesson.id, passingPercent: 70, maxAttempts: null });
        for (const [q, question] of QUIZ_QUESTIONS.entries()) {
          const { ease, right, wrong, ...row } = question;
          const [inserted] = await db
            .insert(quizQuestions)
            .values({ ...row, lessonId: lesson.id, position: q, explanation: "See the videos." })
            .returning({ id: quizQuestions.id });
          if (!inserted) throw new Error("question insert returned nothing");
          questions.push({ id: inserted.id, points: row.points, ease, right, wrong });
        }
      }
      outline.push({ id: lesson.id, kind: l.kind, seconds: l.seconds, optional, questions });
    }
  }
  return { courseId: course.id, outline };
}
