import { readFile } from "node:fs/promises";
import { minimalPdf, type Session, uploadLessonVideo } from "@lumen/tools/api-client";

export { type Api, type Session, sessionAs } from "@lumen/tools/api-client";

/** The quiz: one question of three kinds, and the answers a learner gives to pass it. */
export const TINY_QUIZ = {
  title: "Check your colours",
  questions: [
    {
      kind: "single_choice" as const,
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
      kind: "true_false" as const,
      prompt: "White light contains every colour of the rainbow.",
      points: 1,
      explanation: "A prism splits it into the spectrum.",
      answer: { value: true },
    },
    {
      kind: "numeric" as const,
      prompt: "How many colours does a rainbow traditionally have?",
      points: 2,
      explanation: "Red, orange, yellow, green, blue, indigo, violet.",
      answer: { value: 7, tolerance: 0 },
    },
  ],
};

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
  const { api } = session;
  const title = `Colour Science in Six Seconds ${Date.now().toString(36)}`;
  const course = await api.authoring.createCourse.mutate({
    title,
    subtitle: "A tiny course: one clip, one quiz, one certificate.",
    description:
      "Why the sky is blue and what white light is made of, told in a six-second clip and checked with a three-question quiz.",
    category: "Physical Science",
    level: "beginner",
    language: "en",
  });
  const module = await api.authoring.addModule.mutate({ courseId: course.id, title: "Light" });
  const video = await api.authoring.addLesson.mutate({
    moduleId: module.moduleId,
    title: "Why the sky is blue",
    kind: "video",
  });
  const quiz = await api.authoring.addLesson.mutate({
    moduleId: module.moduleId,
    title: TINY_QUIZ.title,
    kind: "quiz",
  });
  await api.quiz.save.mutate({
    lessonId: quiz.lessonId,
    settings: { passingPercent: 60, maxAttempts: 3, requiredForCertificate: true },
    questions: TINY_QUIZ.questions,
  });
  const reading = await api.authoring.addLesson.mutate({
    moduleId: module.moduleId,
    title: "Further reading: the spectrum",
    kind: "pdf",
  });
  await api.authoring.updateLesson.mutate({ lessonId: reading.lessonId, isOptional: true });
  const filename = "spectrum.pdf";
  await session.put(
    `/api/lessons/${reading.lessonId}/document?filename=${filename}`,
    new Uint8Array(minimalPdf("The visible spectrum")),
    "application/pdf",
  );
  await uploadLessonVideo(api, video.lessonId, await readFile(clipPath), { filename: "sky.mp4" });
  await api.authoring.publish.mutate({ courseId: course.id });
  return {
    slug: course.slug,
    title,
    video: { id: video.lessonId, title: "Why the sky is blue" },
    quiz: { id: quiz.lessonId, title: TINY_QUIZ.title },
    reading: { id: reading.lessonId, title: "Further reading: the spectrum", filename },
  };
}
