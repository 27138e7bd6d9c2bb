import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAnalyticsRollup } from "@lumen/core/analytics";
import { createDatabase } from "@lumen/db";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import {
  type ActiveCourse,
  ANALYTICS_COURSE,
  COHORT,
  createActiveCourse,
  recordActivity,
} from "./analytics-activity";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { sessionAs } from "./learning-course";
import { type Stack, startStack } from "./stack";
import { makeClip } from "./video-clip";

let stack: Stack;
let browser: Browser;
let page: Page;
let clipDir: string;
let course: ActiveCourse;

beforeAll(async () => {
  clipDir = await mkdtemp(join(tmpdir(), "lumen-analytics-e2e-"));
  let clip: string;
  [stack, browser, clip] = await Promise.all([
    startStack({ courses: 2, edge: true, users: COHORT }),
    launchBrowser(),
    makeClip(clipDir, 6),
  ]);
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  try {
    course = await createActiveCourse(instructor, clip);
    await recordActivity(stack.webUrl, course);
  } catch (error) {
    // A refusal here is the API's: its log says why (a test body's failures print it too).
    console.error(stack.logs());
    throw error;
  }
  // The rollup job, run once now rather than waiting for the job runner's schedule.
  const client = createDatabase({ driver: "postgres", url: stack.databaseUrl, maxConnections: 2 });
  try {
    await runAnalyticsRollup({ db: client.db });
  } finally {
    await client.close();
  }
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByText("Ines Instructor").first().waitFor();
}, 240_000);

afterEach((context) =>
  reportFailure(
    context.task.result?.state === "fail",
    browser,
    stack,
    "lumen-analytics-e2e-failure",
  ),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (clipDir) await rm(clipDir, { recursive: true, force: true });
});

const tabPanel = (name: string) => page.getByRole("tabpanel", { name });

/** A chart's figure: drawn, summed up in a sentence, and the same numbers as a table. */
async function expectChartWithTable(panel: Locator, title: string): Promise<Locator> {
  const figure = panel.getByRole("figure", { name: title });
  await figure.locator(".recharts-surface").first().waitFor();
  await figure.getByRole("button", { name: "Show as table" }).click();
  const table = figure.getByRole("table", { name: title });
  await table.waitFor();
  return table;
}

it("an instructor reaches the dashboard from the editor and sees enrollments over time", async () => {
  await page.goto(`${stack.webUrl}/teach/courses/${course.id}`);
  await page.getByRole("link", { name: "Analytics" }).click();
  await page.getByRole("heading", { level: 1, name: "Analytics" }).waitFor();
  const panel = tabPanel("Overview");
  await panel.getByText(/As of/).waitFor();
  const enrollments = panel.getByRole("listitem").filter({ hasText: "Enrollments" }).first();
  await expect.poll(() => enrollments.textContent()).toMatch(/Enrollments5/);
  await expect
    .poll(() => panel.getByText("Enrollments rose to 5; 0 unenrollments.").count())
    .toBe(1);
  await expectAccessible(page, "the dashboard's overview");
  const table = await expectChartWithTable(panel, "Enrollments and unenrollments");
  // Today's row counts the five enrollments.
  const today = new Date().toISOString().slice(0, 10);
  await expect
    .poll(() => table.getByRole("row", { name: new RegExp(today) }).textContent())
    .toBe(`${today}50`);
  await expectAccessible(page, "the overview's table view");
});

it("the lessons tab shows the funnel in outline order and where learners stop", async () => {
  await page.getByRole("tab", { name: "Lessons" }).click();
  const panel = tabPanel("Lessons");
  // Two of five finished the wrap-up; everyone started the video.
  const table = await expectChartWithTable(panel, "Lesson funnel");
  const rows = table.getByRole("row");
  await expect.poll(() => rows.count()).toBe(4);
  expect(await rows.nth(1).textContent()).toContain(`1. ${ANALYTICS_COURSE.video}`);
  expect(await rows.nth(1).textContent()).toContain("5 (100 %)");
  expect(await rows.nth(3).textContent()).toContain(`3. ${ANALYTICS_COURSE.wrapUp}`);
  expect(await rows.nth(3).textContent()).toContain("2 (40 %)");
  await panel.getByText(/Most learners stop after/).waitFor();
  await expectAccessible(page, "the lessons tab");
});

it("the video tab draws retention and lists it as a table that seeks the preview", async () => {
  await page.getByRole("tab", { name: "Video" }).click();
  const panel = tabPanel("Video");
  await panel
    .getByRole("button", { name: new RegExp(`${ANALYTICS_COURSE.video}.*5 viewers`) })
    .waitFor();
  const table = await expectChartWithTable(panel, "Audience retention");
  // Second 0: all five viewers; second 5: the two who watched it all (plus the seed's learner).
  expect(await table.getByRole("row", { name: /^0:00/ }).textContent()).toContain("100 %");
  expect(await table.getByRole("row", { name: /^0:05/ }).textContent()).toContain("60 %");
  await panel
    .getByRole("region", { name: `Video player: Preview of ${ANALYTICS_COURSE.video}` })
    .waitFor();
  await expectAccessible(page, "the video tab");

  // A row's button seeks the preview there; so does Enter on the chart's active point.
  const video = panel.locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  await table.getByRole("button", { name: "Play from 0:03" }).click();
  const at = () => video.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime));
  await expect.poll(at).toBe(3);
  // Held at 3 s, so the next seek is told apart from playback running on (a slow machine
  // plays on past 3 s before the keys below arrive).
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  await panel.getByRole("button", { name: "Show as chart" }).click();
  // recharts' keyboard layer: the chart is one focusable application; arrows move between points.
  const chart = panel.getByRole("application", { name: /^Audience retention/ });
  await chart.waitFor();
  await chart.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  // Which point the arrow lands on depends on where the pointer last was; paused at 3 s, any
  // other time is the seek.
  await expect.poll(at).not.toBe(3);
});

it("the assessments tab shows the quiz's attempts, score distribution and questions", async () => {
  await page.getByRole("tab", { name: "Assessments" }).click();
  const panel = tabPanel("Assessments");
  const quizzes = panel.getByRole("table", { name: /^Quizzes/ });
  await expect
    .poll(() => quizzes.getByRole("row", { name: new RegExp(ANALYTICS_COURSE.quiz) }).textContent())
    .toMatch(/560 %/);
  const scores = await expectChartWithTable(
    panel,
    `Score distribution of ${ANALYTICS_COURSE.quiz}`,
  );
  expect(await scores.getByRole("row", { name: /^100 %/ }).textContent()).toBe("100 %3");
  const questions = panel.getByRole("table", { name: `Questions of ${ANALYTICS_COURSE.quiz}` });
  expect(await questions.getByRole("row").count()).toBe(4);
  await expectAccessible(page, "the assessments tab");
});

it("the learners tab sorts by name and finds a learner by search", async () => {
  await page.getByRole("tab", { name: "Learners" }).click();
  const panel = tabPanel("Learners");
  const table = panel.getByRole("table");
  await expect.poll(() => table.getByRole("row").count()).toBe(6);
  await panel.getByRole("button", { name: "Learner" }).click();
  const nameHeader = panel.getByRole("columnheader", { name: "Learner" });
  await expect.poll(() => nameHeader.getAttribute("aria-sort")).toBe("ascending");
  await expect
    .poll(() => table.getByRole("rowheader").first().textContent())
    .toMatch(/^Amara Diallo/);
  await panel.getByLabel("Search learners").fill("chen");
  await expect.poll(() => table.getByRole("row").count()).toBe(2);
  expect(await table.getByRole("rowheader").textContent()).toContain("Chen Wei");
  const csv = panel.getByRole("link", { name: "Download CSV of the learners" });
  expect(await csv.getAttribute("href")).toBe(
    `/api/courses/${course.id}/analytics/learners.csv?query=chen&sort=name&direction=asc&atRiskOnly=false&inactiveDays=14&belowPercent=50`,
  );
  await expectAccessible(page, "the learners tab");
});
