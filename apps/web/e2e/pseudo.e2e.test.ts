import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { createForumThread, createQuizCourse, type QuizCourse, signInContext } from "./i18n-steps";
import { sessionAs } from "./learning-course";
import { settled } from "./settled";
import { type Stack, startStack } from "./stack";
import { untranslatedWords } from "./untranslated";

let stack: Stack;
let browser: Browser;
let course: QuizCourse;
let threadPath = "";

const LEARNER = ["learner@lumen.dev", "lumen-learner-dev"] as const;
const INSTRUCTOR = ["instructor@lumen.dev", "lumen-instructor-dev"] as const;
const ADMIN = ["admin@lumen.dev", "lumen-admin-dev"] as const;
const GRADUATE = ["graduate@lumen.dev", "lumen-graduate-dev"] as const;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
  const instructor = await sessionAs(stack.webUrl, ...INSTRUCTOR);
  course = await createQuizCourse(instructor);
  const learner = await sessionAs(stack.webUrl, ...LEARNER);
  await learner.api.enrollment.enroll.mutate({ courseId: course.id });
  threadPath = await createForumThread(course, learner, instructor);
  // A retirement for the admin's list: asked for (which ends the graduate's sessions), then
  // cancelled from a new one.
  const graduate = await sessionAs(stack.webUrl, ...GRADUATE);
  await graduate.api.privacy.requestDeletion.mutate({ password: GRADUATE[1] });
  await (await sessionAs(stack.webUrl, ...GRADUATE)).api.privacy.cancelDeletion.mutate();
}, 180_000);

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** A context whose device choice is pseudo-localisation, set before any script; signed in as `who`. */
async function pseudoContext(who?: readonly [string, string]): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US" });
  await context.addInitScript(() => localStorage.setItem("lumen.locale", "pseudo"));
  if (who) await signInContext(context, stack.webUrl, ...who);
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

/** Every page of `paths` as `who` (signed out without one), in a context of its own. */
async function offendersAs(who: readonly [string, string] | undefined, paths: readonly string[]) {
  const context = await pseudoContext(who);
  try {
    return await offendersOn(await context.newPage(), paths);
  } finally {
    await context.close();
  }
}

it("a learner's and an instructor's pages show no text that bypassed the catalog", async () => {
  const learnerOffenders = await offendersAs(LEARNER, [
    "/",
    `/courses/${course.slug}`,
    `/courses/${course.slug}/lessons/${course.quizId}`,
    "/my-learning",
    "/settings/profile",
    "/settings/account",
    "/settings/notifications",
  ]);
  const instructorOffenders = await offendersAs(INSTRUCTOR, [
    "/teach",
    `/teach/courses/${course.id}`,
    `/teach/courses/${course.id}/analytics`,
  ]);
  expectNone({ ...learnerOffenders, ...instructorOffenders });
});

it("privacy, developer, forum, sign-in and admin pages show no text that bypassed the catalog", async () => {
  const learnerOffenders = await offendersAs(LEARNER, [
    "/settings/privacy",
    // Each reason a refused download link brings the reader here with (ADR 0027).
    "/settings/privacy?download=expired",
    "/settings/privacy?download=invalid",
    "/settings/privacy?download=gone",
    "/settings/api-keys",
    "/settings/webhooks",
    `/courses/${course.slug}/forum`,
    threadPath,
  ]);
  const signedOutOffenders = await offendersAs(undefined, ["/sign-in"]);
  const adminOffenders = await offendersAs(ADMIN, ["/admin/retirements"]);
  expectNone({ ...learnerOffenders, ...signedOutOffenders, ...adminOffenders });
});

function expectNone(offenders: Record<string, string[]>) {
  // The list, readable, for whoever fixes it (wrap the string in the catalog, or mark data
  // with translate="no").
  for (const [path, words] of Object.entries(offenders)) {
    console.log(`untranslated on ${path}:\n  ${words.join("\n  ")}`);
  }
  expect(offenders).toEqual({});
}
