import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareDemoCourse } from "@lumen/tools/dev/demo";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { expectApart } from "./layout";
import { createTinyCourse, sessionAs, type TinyCourse } from "./learning-course";
import { type Stack, startStack } from "./stack";
import { makeClip } from "./video-clip";

let stack: Stack;
let browser: Browser;
let clipDir: string;
let course: TinyCourse;

beforeAll(async () => {
  clipDir = await mkdtemp(join(tmpdir(), "lumen-learning-e2e-"));
  let clip: string;
  [stack, browser, clip] = await Promise.all([
    startStack({ courses: 2, edge: true }),
    launchBrowser(),
    // Six seconds: long enough to be a lesson, short enough to watch to the end in real time.
    makeClip(clipDir, 6),
  ]);
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  course = await createTinyCourse(instructor, clip);
}, 180_000);

afterEach((context) =>
  reportFailure(
    context.task.result?.state === "fail",
    browser,
    stack,
    "lumen-learning-e2e-failure",
  ),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (clipDir) await rm(clipDir, { recursive: true, force: true });
});

it("a learner finishes a tiny course, is told, downloads the certificate and it verifies as valid", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByText("Leo Learner").first().waitFor();

  // Enroll on the course page; it then offers to start, at the first lesson.
  await page.goto(`${stack.webUrl}/courses/${course.slug}`);
  await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("link", { name: "Start the course" }).click();
  await page.getByRole("heading", { level: 1, name: course.video.title }).waitFor();
  const player = page.getByRole("region", { name: `Video player: ${course.video.title}` });
  await player.getByRole("button", { name: /playback speed$/ }).waitFor();
  await expectAccessible(page, "a video lesson");
  const outline = page.getByRole("complementary", { name: "Course content" });
  const videoEntry = outline.getByRole("link", { name: new RegExp(course.video.title) });
  await expect.poll(() => videoEntry.textContent()).toContain("Not started");

  // Watch the clip to the end in real time (no seeking: seeking is not watching).
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(() => videoEntry.textContent(), { timeout: 30_000 }).toContain("Completed");
  await expect
    .poll(() =>
      outline.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow"),
    )
    .toBe("50");
  await page
    .getByRole("status")
    .filter({ hasText: `You reached 50 % of ${course.title}` })
    .waitFor();
  // The toast leaves the lesson's heading readable.
  await expectApart(
    page.getByRole("status").filter({ hasText: `You reached 50 % of ${course.title}` }),
    page.getByRole("heading", { level: 1 }),
  );
  await expectAccessible(page, "a video lesson, with the milestone toast");

  // Alt+→ opens the next lesson: the quiz.
  await page.keyboard.press("Alt+ArrowRight");
  await page.getByRole("heading", { level: 1, name: course.quiz.title }).waitFor();
  await page.getByRole("button", { name: "Submit answers" }).waitFor();
  await expectAccessible(page, "a quiz");
  await takeQuiz(page);
  await expectAccessible(page, "a graded quiz");

  // 100 %: announced on the page, and a notification the bell shows without a reload.
  await page
    .getByRole("status")
    .filter({ hasText: `You completed ${course.title}` })
    .waitFor();
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await bell.waitFor({ timeout: 20_000 });
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await panel
    .getByText(new RegExp(`(finished|completed) ${course.title}`))
    .first()
    .waitFor();
  await expectAccessible(page, "the notifications panel");
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  await expect.poll(() => bell.evaluate((el) => el === document.activeElement)).toBe(true);

  // The optional reading: the PDF with a download link, and "Mark as complete" (no % change).
  await page.keyboard.press("Alt+ArrowRight");
  await page.getByRole("heading", { level: 1, name: course.reading.title }).waitFor();
  await page.getByText("Optional", { exact: true }).first().waitFor();
  const handout = page.getByRole("link", { name: `Download ${course.reading.filename}` });
  const documentUrl = new URL((await handout.getAttribute("href")) ?? "", stack.webUrl);
  expect(await pdfHead(page, documentUrl.toString())).toBe("%PDF-");
  await expectAccessible(page, "a PDF lesson");
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await page.getByText("You completed this lesson.").waitFor();
  const readingEntry = outline.getByRole("link", { name: new RegExp(course.reading.title) });
  await expect.poll(() => readingEntry.textContent()).toContain("Completed");

  // The certificate is issued by a job: the course page shows it once it exists.
  const download = page.getByRole("link", { name: "Download certificate (PDF)" });
  await waitForCertificate(page, download);
  const pdfUrl = await download.getAttribute("href");
  if (!pdfUrl) throw new Error("the certificate has no PDF link");
  expect(await pdfHead(page, new URL(pdfUrl, stack.webUrl).toString())).toBe("%PDF-");

  // Its verification page, at the edge, says it is valid.
  const verifyUrl = await page
    .getByRole("link", { name: /Verification page/ })
    .getAttribute("href");
  if (!verifyUrl) throw new Error("the certificate has no verification link");
  const verify = await browser.newPage();
  await verify.goto(verifyUrl);
  await expect.poll(() => verify.locator("body").textContent()).toMatch(/\bValid\b/);
  expect(await verify.locator("body").textContent()).toContain(course.title);
  await expectAccessible(verify, "the certificate's page at the edge");

  // My learning: the course at 100 % and the certificate beside it.
  await page.goto(`${stack.webUrl}/my-learning`);
  const mine = page.getByRole("list", { name: "Enrolled courses" });
  await expect
    .poll(() => mine.getByRole("progressbar").first().getAttribute("aria-valuenow"))
    .toBe("100");
  await page
    .getByRole("region", { name: "Certificates" })
    .getByRole("link", { name: "Download certificate (PDF)" })
    .waitFor();

  // On a phone the outline folds away behind a disclosure button.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${stack.webUrl}/courses/${course.slug}/learn`);
  await page.getByRole("heading", { level: 1, name: course.video.title }).waitFor();
  const toggle = page.getByRole("button", { name: "Show course content" });
  expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  expect(await videoEntry.isVisible()).toBe(false);
  await toggle.click();
  await videoEntry.waitFor();
  await expectAccessible(page, "a lesson on a phone, its outline open");
});

/** Answers every question right, submits, and checks the grade and the feedback. */
async function takeQuiz(page: Page) {
  const question = (name: RegExp) => page.getByRole("group", { name });
  await question(/Which colour is the sky/)
    .getByLabel("Blue")
    .check();
  await question(/White light contains/)
    .getByLabel("True")
    .check();
  await question(/How many colours/)
    .getByLabel("Your answer")
    .fill("7");
  await page.getByRole("button", { name: "Submit answers" }).click();
  const result = page.getByRole("heading", { name: /^Your score: 100 %/ });
  await result.waitFor();
  await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.getByText("Passed", { exact: true }).waitFor();
  expect(await page.getByText("Correct ·").count()).toBe(3);
  // The graded answers cannot change, yet the chosen ones still look chosen (primary blue),
  // not greyed out like a disabled control.
  for (const chosen of [
    question(/Which colour is the sky/).getByLabel("Blue"),
    question(/White light contains/).getByLabel("True"),
  ]) {
    expect(await chosen.isDisabled()).toBe(true);
    expect(await chosen.isChecked()).toBe(true);
    const look = await chosen.evaluate((el) => {
      const style = getComputedStyle(el);
      return { border: style.borderTopColor, fill: style.backgroundImage };
    });
    expect(look.border).toBe("rgb(29, 78, 216)");
    expect(look.fill).toContain("rgb(29, 78, 216)");
  }
}

it("pnpm dev's demo course: built through the API, a learner part-way, instructors preview it, the graduate's certificate verifies", async () => {
  const demo = await prepareDemoCourse({
    apiUrl: stack.webUrl,
    webUrl: stack.webUrl,
    log: () => {},
  });
  // A second run finds everything in place and answers the same links.
  expect(
    await prepareDemoCourse({ apiUrl: stack.webUrl, webUrl: stack.webUrl, log: () => {} }),
  ).toEqual(demo);

  // The demo learner is part-way: one of four required lessons done.
  const learner = await browser.newPage();
  learner.setDefaultTimeout(15_000);
  await learner.goto(`${stack.webUrl}/sign-in`);
  await signIn(learner, "learner@lumen.dev", "lumen-learner-dev");
  await learner.getByText("Leo Learner").first().waitFor();
  await learner.goto(demo.courseUrl);
  await learner.getByRole("heading", { level: 1, name: "A tour of Lumen" }).waitFor();
  await learner.getByText("25 %").first().waitFor();
  await learner.close();

  // Its instructor opens any lesson without enrolling, and is told nothing is recorded.
  const instructor = await browser.newPage();
  instructor.setDefaultTimeout(15_000);
  await instructor.goto(`${stack.webUrl}/sign-in`);
  await signIn(instructor, "instructor@lumen.dev", "lumen-instructor-dev");
  await instructor.getByText("Ines Instructor").first().waitFor();
  await instructor.goto(demo.courseUrl);
  await instructor.getByRole("note", { name: "Instructor preview" }).waitFor();
  await expectAccessible(instructor, "a published course, its instructor not enrolled");
  await instructor.getByRole("link", { name: "Check your understanding" }).click();
  await instructor.getByRole("heading", { level: 1, name: "Check your understanding" }).waitFor();
  await instructor.getByRole("note", { name: "Instructor preview" }).waitFor();
  await expectAccessible(instructor, "a quiz lesson, previewed by its instructor");
  await instructor.close();

  // The graduate's certificate, at the edge, as an employer opens it.
  const employer = await browser.newPage();
  await employer.goto(demo.certificateUrl);
  await employer.getByText("Grace Graduate").first().waitFor();
  await employer.getByRole("heading", { level: 1, name: "Valid certificate" }).waitFor();
  await employer.close();
});

/** The first bytes of a file fetched with the page's session. */
async function pdfHead(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  return (await response.body()).subarray(0, 5).toString("latin1");
}

async function waitForCertificate(page: Page, download: ReturnType<Page["getByRole"]>) {
  await page.goto(`${stack.webUrl}/courses/${course.slug}`);
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (await download.isVisible()) return;
    await page.waitForTimeout(1_000);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
  }
  throw new Error(`no certificate PDF after 45 s\n${stack.logs()}`);
}
