import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { expectSameRow } from "./layout";
import { authoredCourseLinks, lessonBadge, lessonTitles } from "./outline-locators";
import { type Stack, startStack } from "./stack";
import { makeClip } from "./video-clip";

let stack: Stack;
let browser: Browser;
let clipDir: string;
let clip: string;

beforeAll(async () => {
  clipDir = await mkdtemp(join(tmpdir(), "lumen-video-e2e-"));
  [stack, browser, clip] = await Promise.all([
    startStack({ courses: 4, edge: true }),
    launchBrowser(),
    makeClip(clipDir),
  ]);
});

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-video-e2e-failure"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (clipDir) await rm(clipDir, { recursive: true, force: true });
});

it("an instructor's uploaded clip becomes ready, and a learner's playback resumes after a reload", async () => {
  const { lessonTitle, courseTitle, coursePath } = await uploadAsInstructor();

  const learner = await signedInPage("learner@lumen.dev", "lumen-learner-dev", "Leo Learner");
  await learner.goto(`${stack.webUrl}${coursePath}`);
  await learner.getByRole("heading", { level: 1, name: courseTitle }).waitFor();
  const outline = learner.getByRole("region", { name: "Course outline" });
  await outline
    .getByRole("listitem")
    .filter({ hasText: lessonTitle })
    .getByText("Free preview")
    .waitFor();
  await learner.getByRole("button", { name: "Enroll", exact: true }).click();
  await learner.getByRole("heading", { name: "You're enrolled" }).waitFor();
  await learner.getByRole("link", { name: lessonTitle }).click();
  await learner.getByRole("heading", { level: 1, name: lessonTitle }).waitFor();

  const player = learner.getByRole("region", { name: `Video player: ${lessonTitle}` });
  // The speed button says its visible value in its name (WCAG 2.5.3).
  await player.getByRole("button", { name: "1× playback speed" }).waitFor();
  await expectAccessible(learner, "the video player");
  await player.getByRole("button", { name: "Play", exact: true }).click();
  await player.getByRole("button", { name: "Pause", exact: true }).waitFor();
  await expect.poll(() => currentTime(learner), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  const watchedTo = await currentTime(learner);

  // Reloading sends the position with a beacon; the new page resumes there, paused.
  await learner.reload();
  await player.getByRole("button", { name: "Play", exact: true }).waitFor();
  await expect.poll(() => currentTime(learner), { timeout: 10_000 }).toBeGreaterThan(1);
  const resumedAt = await currentTime(learner);
  expect(Math.abs(resumedAt - watchedTo)).toBeLessThanOrEqual(1.5);
  const seek = player.getByRole("slider", { name: "Seek" });
  await expect.poll(() => seek.getAttribute("aria-valuetext")).toMatch(/^0:0[1-5] of 0:12$/);

  // The keyboard drives the player while focus is inside it: K plays, Home goes to the start.
  await seek.focus();
  await learner.keyboard.press("k");
  await player.getByRole("button", { name: "Pause", exact: true }).waitFor();
  await learner.keyboard.press("k");
  await learner.keyboard.press("Home");
  await expect.poll(() => currentTime(learner)).toBeLessThan(0.5);

  // On a phone every control, full screen included, stays on the play button's row.
  await learner.setViewportSize({ width: 390, height: 844 });
  const play = player.getByRole("button", { name: /^(Play|Pause)$/ });
  const fullScreen = player.getByRole("button", { name: "Full screen" });
  await learner.screenshot({ path: join(tmpdir(), "lumen-player-390x844.png") });
  await expectSameRow(play, fullScreen);
  await expectAccessible(learner, "the video player on a phone");
});

/** Signs in as the seeded instructor, uploads the clip to a video lesson and waits for it. */
async function uploadAsInstructor() {
  const page = await signedInPage(
    "instructor@lumen.dev",
    "lumen-instructor-dev",
    "Ines Instructor",
  );
  await page.goto(`${stack.webUrl}/teach`);
  await page.getByRole("heading", { level: 1, name: "Your courses" }).waitFor();
  const courseLink = authoredCourseLinks(page).first();
  const courseTitle = ((await courseLink.textContent()) ?? "").trim();
  await courseLink.click();
  await page.getByRole("heading", { level: 1, name: courseTitle }).waitFor();
  await page.getByRole("tab", { name: "Outline" }).click();

  const row = page
    .getByRole("tabpanel", { name: "Outline" })
    .getByTestId("lesson-row")
    .filter({ has: page.getByText("Video", { exact: true }) })
    .first();
  const [lessonTitle = ""] = await lessonTitles(row);
  await row.getByText("No video yet").waitFor();
  await row.getByRole("button", { name: `Edit lesson “${lessonTitle}”` }).click();
  await row.getByLabel("Choose a video file").setInputFiles(clip);

  // Upload, queue, encode: the editor follows it live and ends on "ready" with a preview.
  await row.getByText("The video is ready.").waitFor({ timeout: 45_000 });
  // The facts come with the lesson's current video, which the editor reads on the course's
  // next refresh: on a loaded machine that can trail the announcement by seconds.
  await row.getByText("640 × 360").waitFor({ timeout: 45_000 });
  await row.getByRole("region", { name: `Video player: Preview of ${lessonTitle}` }).waitFor();
  await lessonBadge(row, "Ready").waitFor();
  await expectAccessible(page, "the video lesson editor, its clip ready");

  await row.getByLabel("Free preview").check();
  await lessonBadge(row, "Free preview").waitFor();
  const coursePath = await page
    .getByRole("link", { name: /Preview as learner/ })
    .first()
    .getAttribute("href");
  if (!coursePath) throw new Error("the editor has no link to the course page");
  await page.close();
  return { lessonTitle, courseTitle, coursePath };
}

async function signedInPage(email: string, password: string, name: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, email, password);
  await page.getByText(name).first().waitFor();
  return page;
}

function currentTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector("video")?.currentTime ?? 0);
}
