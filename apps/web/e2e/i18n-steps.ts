import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { ensureCourse, type Session } from "@lumen/tools/api-client";
import type { BrowserContext } from "playwright-core";
import { answerFor } from "./analytics-activity";
import { TINY_QUIZ } from "./learning-course";

/**
 * Signs a browser context in over HTTP (the context's request API shares its cookies): the
 * language tests cannot click through a sign-in form whose labels are in another language.
 */
export async function signInContext(
  context: BrowserContext,
  webUrl: string,
  email: string,
  password: string,
) {
  const response = await context.request.post(`${webUrl}/api/auth/sign-in/email`, {
    data: { email, password },
    headers: { origin: webUrl },
  });
  if (!response.ok()) throw new Error(`sign-in as ${email}: ${response.status()}`);
}

export interface QuizCourse {
  id: string;
  slug: string;
  title: string;
  quizId: string;
}

/** A published course of one quiz (TINY_QUIZ), built through the API as the editor would. */
export async function createQuizCourse(instructor: Session): Promise<QuizCourse> {
  const title = `Colour Quiz ${Date.now().toString(36)}`;
  const { title: quizTitle, ...quiz } = TINY_QUIZ;
  const course = await ensureCourse(instructor, {
    course: {
      title,
      subtitle: "One quiz about light.",
      description:
        "Three questions about the colours of light: why the sky is blue, what white light is made of, and how many colours a rainbow has.",
      category: "Physical Science",
      level: "beginner",
      language: "en",
    },
    modules: [{ title: "Light", lessons: [{ key: "quiz", title: quizTitle, kind: "quiz", quiz }] }],
  });
  return { id: course.id, slug: course.slug, title, quizId: course.lessons.quiz };
}

/**
 * A question thread in the course's forum, asked by `asker` and answered by `answerer`, so its
 * page shows a reply with its actions: the path of the thread's page.
 */
export async function createForumThread(
  course: QuizCourse,
  asker: Session,
  answerer: Session,
): Promise<string> {
  const { threadId } = await asker.api.forum.createThread.mutate({
    courseId: course.id,
    kind: "question",
    title: "Why is the sky blue?",
    body: "Red light has the longer wavelength, so why does blue win?",
  });
  await answerer.api.forum.reply.mutate({
    threadId,
    body: "Shorter wavelengths scatter more in the air: that is Rayleigh scattering.",
  });
  return `/courses/${course.slug}/forum/${threadId}`;
}

/**
 * The learner passes the course's quiz (its only lesson), so the job runner issues the
 * certificate and publishes it to the edge: the URL of its verify page, once the edge has it.
 */
export async function earnCertificate(
  learner: Session,
  course: QuizCourse,
  timeoutMs = 90_000,
): Promise<string> {
  const quiz = await learner.api.quiz.take.query({ lessonId: course.quizId });
  await learner.api.quiz.submit.mutate({
    lessonId: course.quizId,
    attemptId: randomUUID(),
    answers: quiz.questions.map((q) => ({ questionId: q.id, response: answerFor(q, true) })),
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const progress = await learner.api.progress.course.query({ courseId: course.id });
    const verifyUrl = progress?.certificate?.verifyUrl;
    if (verifyUrl) {
      const published = await fetch(`${verifyUrl}/verify`, {
        headers: { accept: "application/json" },
      });
      if (published.ok) return verifyUrl;
    }
    await delay(1_000);
  }
  throw new Error(`no verifiable certificate within ${timeoutMs / 1000} s`);
}

/** Any Arabic letter: a text shown in Arabic has some. */
export const ARABIC = /[\u0600-\u06FF]/;
