import { readFile } from "node:fs/promises";
import { ensureCourse, type QuizPlan, type Session } from "@lumen/tools/api-client";

export { type Api, type Session, sessionAs } from "@lumen/tools/api-client";

/** The quiz: one question of three kinds, and the answers a learner gives to pass it. */
export const TINY_QUIZ = {
  title: "Check your colours",
  settings: { passingPercent: 60, maxAttempts: 3, requiredForCertificate: true },
  questions: [
    {
      kind: "single_choice",
      prompt: "Which colour is the sky on a clear day?",
      points: 1,
      explanation: "Rayleigh scattering favours blue light.",
      options: [
        { id: "red", text: "Red" },
        { id: "blue", text: "Blue" },
      ],
      answer: { optionId: "blue" },
    },
    {
      kind: "true_false",
      prompt: "White light contains every colour of the rainbow.",
      points: 1,
      explanation: "A prism splits it into the spectrum.",
      answer: { value: true },
    },
    {
      kind: "numeric",
      prompt: "How many colours does a rainbow traditionally have?",
      points: 2,
      explanation: "Red, orange, yellow, green, blue, indigo, violet.",
      answer: { value: 7, tolerance: 0 },
    },
  ],
} satisfies QuizPlan & { title: string };

export interface TinyCourse {
  slug: string;
  title: string;
  video: { id: string; title: string };
  quiz: { id: string; title: string };
  /** Optional: it does not count towards completion, but can be marked complete. */
  reading: { id: string; title: string; filename: string };
}

/**
 * A published course of one short video (uploaded and transcoded), one required quiz and an
 * optional PDF reading.
 */
export async function createTinyCourse(session: Session, clipPath: string): Promise<TinyCourse> {
  const title = `Colour Science in Six Seconds ${Date.now().toString(36)}`;
  const { title: quizTitle, ...quiz } = TINY_QUIZ;
  const video = { title: "Why the sky is blue" };
  const reading = { title: "Further reading: the spectrum", filename: "spectrum.pdf" };
  const course = await ensureCourse(session, {
    course: {
      title,
      subtitle: "A tiny course: one clip, one quiz, one certificate.",
      description:
        "Why the sky is blue and what white light is made of, told in a six-second clip and checked with a three-question quiz.",
      category: "Physical Science",
      level: "beginner",
      language: "en",
    },
    modules: [
      {
        title: "Light",
        lessons: [
          {
            key: "video",
            title: video.title,
            kind: "video",
            video: { filename: "sky.mp4", bytes: () => readFile(clipPath) },
          },
          { key: "quiz", title: quizTitle, kind: "quiz", quiz },
          {
            key: "reading",
            title: reading.title,
            kind: "pdf",
            isOptional: true,
            document: { filename: reading.filename, text: "The visible spectrum" },
          },
        ],
      },
    ],
  });
  return {
    slug: course.slug,
    title,
    video: { id: course.lessons.video, ...video },
    quiz: { id: course.lessons.quiz, title: quizTitle },
    reading: { id: course.lessons.reading, ...reading },
  };
}
