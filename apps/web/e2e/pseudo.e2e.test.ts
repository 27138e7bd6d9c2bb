import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { createQuizCourse, type QuizCourse, signInContext } from "./i18n-steps";
import { sessionAs } from "./learning-course";
import { settled } from "./settled";
import { type Stack, startStack } from "./stack";
import { untranslatedWords } from "./untranslated";

let stack: Stack;
let browser: Browser;
let course: QuizCourse;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  course = await createQuizCourse(instructor);
  const learner = await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  await learner.api.enrollment.enroll.mutate({ courseId: course.id });
}, 180_000);

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A signed-in context whose device choice is pseudo-localisation, set before any script. */
async function pseudoContext(email: string, password: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US" });
  await context.addInitScript(() => localStorage.setItem("lumen.locale", "pseudo"));
  await signInContext(context, stack.webUrl, email, password);
  return context;
}

/** Visits each page, waits for its h1 and for loading to end, and lists what is not translated. */
async function offendersOn(page: Page, paths: readonly string[]) {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(`${stack.webUrl}${path}`);
    await page.locator("main h1").first().waitFor();
    await settled(page);
    const words = await untranslatedWords(page);
    if (words.length > 0) found[path] = words;
  }
  return found;
}

it("a learner's and an instructor's pages show no text that bypassed the catalog", async () => {
  const learner = await pseudoContext("learner@lumen.dev", "lumen-learner-dev");
  const learnerPage = await learner.newPage();
  const learnerOffenders = await offendersOn(learnerPage, [
    "/",
    `/courses/${course.slug}`,
    `/courses/${course.slug}/lessons/${course.quizId}`,
    "/my-learning",
    "/settings/profile",
    "/settings/account",
    "/settings/notifications",
  ]);
  await learner.close();

  const instructor = await pseudoContext("instructor@lumen.dev", "lumen-instructor-dev");
  const instructorPage = await instructor.newPage();
  const instructorOffenders = await offendersOn(instructorPage, [
    "/teach",
    `/teach/courses/${course.id}`,
    `/teach/courses/${course.id}/analytics`,
  ]);
  await instructor.close();

  const offenders = { ...learnerOffenders, ...instructorOffenders };
  // The list, readable, for whoever fixes it (wrap the string in the catalog, or mark data
  // with translate="no").
  for (const [path, words] of Object.entries(offenders)) {
    console.log(`untranslated on ${path}:\n  ${words.join("\n  ")}`);
  }
  expect(offenders).toEqual({});
});
