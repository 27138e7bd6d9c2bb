import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { createTinyCourse, sessionAs, type TinyCourse } from "./learning-course";
import { type Stack, startStack } from "./stack";
import { makeClip } from "./video-clip";

let stack: Stack;
let browser: Browser;
let clipDir: string;
let course: TinyCourse;

beforeAll(async () => {
  clipDir = await mkdtemp(join(tmpdir(), "lumen-csp-e2e-"));
  let clip: string;
  [stack, browser, clip] = await Promise.all([
    startStack({ courses: 2, edge: true }),
    launchBrowser(),
    makeClip(clipDir, 4),
  ]);
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  course = await createTinyCourse(instructor, clip);
}, 240_000);

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-csp-e2e-failure"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (clipDir) await rm(clipDir, { recursive: true, force: true });
});

/** Chromium reports every CSP violation on the console ("Refused to …"). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return violations;
}

async function visit(page: Page, path: string, ready: () => Promise<unknown>) {
  await page.goto(`${stack.webUrl}${path}`);
  await ready();
}

it("every page works under the production CSP, video and PDF lessons included", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const violations = watchViolations(page);
  const response = await page.goto(`${stack.webUrl}/`);
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'/);

  await visit(page, "/?query=colour", () =>
    page.getByRole("heading", { level: 1 }).first().waitFor(),
  );
  await visit(page, "/sign-up", () =>
    page.getByRole("heading", { name: "Create your account" }).waitFor(),
  );
  await visit(page, "/sign-in", () => page.getByRole("heading", { name: "Sign in" }).waitFor());
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByText("Leo Learner").first().waitFor();

  await visit(page, `/courses/${course.slug}`, () =>
    page.getByRole("heading", { level: 1, name: course.title }).waitFor(),
  );
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("link", { name: "Start the course" }).waitFor();

  const lesson = (id: string) => `/courses/${course.slug}/lessons/${id}`;
  await visit(page, lesson(course.video.id), () =>
    page.getByRole("heading", { level: 1, name: course.video.title }).waitFor(),
  );
  // hls.js (MediaSource, worker, playlist and segment fetches from the edge) must get going;
  // on a machine busy with other passes (graders included) that can take longer than 20 s.
  await page.waitForFunction(() => (document.querySelector("video")?.readyState ?? 0) >= 2, null, {
    timeout: 60_000,
  });
  await visit(page, lesson(course.quiz.id), () =>
    page.getByRole("heading", { level: 1, name: course.quiz.title }).waitFor(),
  );
  await visit(page, lesson(course.reading.id), () =>
    page.getByRole("heading", { level: 1, name: course.reading.title }).waitFor(),
  );
  await page.locator('object[type="application/pdf"]').waitFor();
  await visit(page, "/my-learning", () =>
    page.getByRole("heading", { level: 1, name: "My learning" }).waitFor(),
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();

  await visit(page, "/sign-in?next=/teach", () =>
    page.getByRole("heading", { name: "Sign in" }).waitFor(),
  );
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await visit(page, "/teach/new", () => page.getByRole("heading", { level: 1 }).first().waitFor());
  await visit(page, "/nope", () => page.getByRole("heading", { level: 1 }).first().waitFor());

  expect(violations).toEqual([]);
});

/**
 * The dark theme: the same pages with the system asking for dark, each checked by axe (the
 * dark tokens must keep every text's contrast), then the header's theme choice: Light wins over
 * the system, survives a reload (applied before the first paint), and System hands back.
 */
it("every page passes axe in the dark theme, and the reader's theme choice is kept", async () => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const violations = watchViolations(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const checked = async (path: string, ready: () => Promise<unknown>, where: string) => {
    await visit(page, path, ready);
    await expectAccessible(page, `${where}, dark`);
  };
  const h1 = (name?: string) => page.getByRole("heading", { level: 1, name }).first().waitFor();

  await checked("/", () => page.getByRole("article").first().waitFor(), "the catalog");
  expect(await background()).toBe("rgb(14, 19, 26)");
  await checked("/?query=colour", () => h1(), "search results");
  await checked(
    "/?query=zzqqxx&level=advanced",
    () => page.getByRole("navigation", { name: "Popular categories" }).waitFor(),
    "no results",
  );
  await visit(page, "/sign-in", () => h1("Sign in"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByText("Enter your email address.").waitFor();
  await expectAccessible(page, "sign-in with errors, dark");
  await signIn(page, "graduate@lumen.dev", "lumen-graduate-dev");
  await page.getByRole("link", { name: "My learning" }).waitFor();

  await checked(`/courses/${course.slug}`, () => h1(course.title), "a course page");
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("link", { name: "Start the course" }).waitFor();
  await expectAccessible(page, "a course page, enrolled, dark");
  const lesson = (id: string) => `/courses/${course.slug}/lessons/${id}`;
  await checked(lesson(course.video.id), () => h1(course.video.title), "a video lesson");
  await checked(lesson(course.quiz.id), () => h1(course.quiz.title), "a quiz");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await page.getByRole("heading", { name: /^Your score/ }).waitFor();
  await expectAccessible(page, "a graded quiz, answers wrong, dark");
  await checked(lesson(course.reading.id), () => h1(course.reading.title), "a PDF lesson");
  await checked("/my-learning", () => h1("My learning"), "My learning");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).first().waitFor();

  await visit(page, "/sign-in?next=/teach", () => h1("Sign in"));
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await h1("Your courses");
  await expectAccessible(page, "Your courses, dark");
  await page.getByRole("link", { name: course.title }).first().click();
  await h1(course.title);
  await expectAccessible(page, "the course editor's details, dark");
  for (const tab of ["Outline", "Publish", "Learners"]) {
    await page.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    await page.getByRole("tabpanel", { name: new RegExp(`^${tab}`) }).waitFor();
    await expectAccessible(page, `the course editor's ${tab} tab, dark`);
  }
  await checked("/teach/new", () => h1("New course"), "a new course");

  // The reader's choice: Light over the system's dark, kept across a reload, then System again.
  const chooseTheme = async (name: string) => {
    await page.getByRole("button", { name: "Theme" }).click();
    await page.getByRole("menuitemradio", { name }).click();
  };
  const pinned = () => page.evaluate(() => document.documentElement.dataset.theme ?? null);
  await chooseTheme("Light");
  expect(await pinned()).toBe("light");
  expect(await background()).toBe("rgb(246, 247, 249)");
  await page.reload();
  await h1("New course");
  expect(await pinned()).toBe("light");
  expect(await background()).toBe("rgb(246, 247, 249)");
  await chooseTheme("System");
  expect(await pinned()).toBe(null);
  expect(await background()).toBe("rgb(14, 19, 26)");

  expect(violations).toEqual([]);
  await context.close();
});
