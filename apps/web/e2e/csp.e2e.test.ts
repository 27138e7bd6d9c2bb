import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
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
  // hls.js (MediaSource, worker, playlist and segment fetches from the edge) must get going.
  await page.waitForFunction(() => (document.querySelector("video")?.readyState ?? 0) >= 2);
  await visit(page, lesson(course.quiz.id), () =>
    page.getByRole("heading", { level: 1, name: course.quiz.title }).waitFor(),
  );
  await visit(page, lesson(course.reading.id), () =>
    page.getByRole("heading", { level: 1, name: course.reading.title }).waitFor(),
  );
  await page.locator("object.pdf-frame").waitFor();
  await visit(page, "/my-learning", () =>
    page.getByRole("heading", { level: 1, name: "My learning" }).waitFor(),
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();

  await visit(page, "/sign-in?next=/teach", () =>
    page.getByRole("heading", { name: "Sign in" }).waitFor(),
  );
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await visit(page, "/teach/new", () => page.getByRole("heading", { level: 1 }).first().waitFor());
  await visit(page, "/nope", () => page.getByRole("heading", { level: 1 }).first().waitFor());

  expect(violations).toEqual([]);
});
