import { ensureCourse, type Session } from "@lumen/tools/api-client";
import type { BrowserContext } from "playwright-core";
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

/** Any Arabic letter: a text shown in Arabic has some. */
export const ARABIC = /[\u0600-\u06FF]/;
