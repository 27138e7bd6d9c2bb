import { randomUUID } from "node:crypto";
import { minimalPdf } from "@lumen/tools/api-client";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import {
  addLesson,
  buildQuiz,
  expectQuizSaved,
  fixLeadsTo,
  openLesson,
  openPublishedCourseOutline,
  PDF_LESSON,
  QUIZ,
} from "./authoring-learning-steps";
import { COURSE, createCourse, signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { sessionAs } from "./learning-course";
import { authoredCourseLinks, lessonBadge } from "./outline-locators";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The edge stores PDFs (local R2), as it does videos.
  [stack, browser] = await Promise.all([startStack({ courses: 4, edge: true }), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByText("Ines Instructor").first().waitFor();
});

afterEach((context) =>
  reportFailure(
    context.task.result?.state === "fail",
    browser,
    stack,
    "lumen-authoring-learning-e2e-failure",
  ),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("an instructor builds a two-question quiz that is still there after a reload", async () => {
  const { panel } = await openPublishedCourseOutline(page, stack.webUrl);
  const row = await addLesson(panel, QUIZ.lesson, "Quiz");
  await lessonBadge(row, "No questions yet").waitFor();
  await buildQuiz(row);

  await page.reload();
  const outline = page.getByRole("tabpanel", { name: "Outline" });
  const reloaded = await openLesson(outline, QUIZ.lesson);
  await expectQuizSaved(reloaded);
});

it("an instructor uploads a PDF to a PDF lesson, sees its name and can open it", async () => {
  const { panel } = await openPublishedCourseOutline(page, stack.webUrl);
  const row = await addLesson(panel, PDF_LESSON.title, "PDF");
  await lessonBadge(row, "No PDF yet").waitFor();

  // Not a PDF: refused before anything is sent.
  await row.getByLabel("Choose a PDF").setInputFiles({
    name: "notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("PK\u0003\u0004 not really a PDF"),
  });
  await row.getByText("“notes.pdf” is not a PDF. Choose a .pdf file.").waitFor();

  await row.getByLabel("Choose a PDF").setInputFiles({
    name: PDF_LESSON.filename,
    mimeType: "application/pdf",
    buffer: minimalPdf(),
  });
  await row.getByText(PDF_LESSON.filename, { exact: true }).waitFor();
  await lessonBadge(row, "PDF added").waitFor();
  await row.getByLabel("Replace PDF").waitFor();
  await expectAccessible(page, "the PDF lesson editor");
  const open = row.getByRole("link", { name: /^Open/ });
  const href = await open.getAttribute("href");
  const response = await page.request.get(new URL(href ?? "", page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/application\/pdf/);
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Optional lessons are marked in the outline.
  await row.getByLabel("Optional lesson — doesn't count toward completion").check();
  await lessonBadge(row, "Optional").waitFor();
});

it("a draft's publish checklist leads to its empty quiz and its missing PDF", async () => {
  await page.goto(`${stack.webUrl}/`);
  await createCourse(page, { ...COURSE, title: "Paper Engineering Drafts" });
  // Never published: no learners, no Learners tab.
  expect(await page.getByRole("tab", { name: "Learners" }).count()).toBe(0);
  await page.getByRole("tab", { name: "Outline" }).click();
  const panel = page.getByRole("tabpanel", { name: "Outline" });
  await panel.getByLabel("New module").fill("Week one");
  await panel.getByRole("button", { name: "Add module" }).click();
  for (const [title, kind] of [
    ["Empty quiz", "Quiz"],
    ["Missing handout", "PDF"],
  ] as const) {
    const row = await addLesson(panel, title, kind);
    await row.getByRole("button", { name: `Close lesson “${title}”` }).click();
  }
  await fixLeadsTo(page, /^Fix\W+Quiz “Empty quiz” has no questions/, "Quiz");
  await fixLeadsTo(page, /^Fix\W+Upload a PDF for lesson “Missing handout”/, "PDF document");
});

it("a published course's Learners tab charts the completion of a learner with progress", async () => {
  await openPublishedCourseOutline(page, stack.webUrl);
  const courseId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await enrollWithProgress(courseId);
  await page.getByRole("tab", { name: "Learners" }).click();
  const panel = page.getByRole("tabpanel", { name: "Learners" });
  await panel.getByRole("img", { name: /^Completion of 1 learner: 1 at / }).waitFor();
  const progress = panel.getByRole("progressbar", { name: "Leo Learner's progress" });
  await progress.waitFor();
  expect(Number(await progress.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await expectAccessible(page, "the Learners tab");
});

it("a published course nobody enrolled in says there are no learners yet", async () => {
  await page.goto(`${stack.webUrl}/teach`);
  // The first published course has a learner now (above); the second has none.
  await authoredCourseLinks(page, { published: true }).nth(1).click();
  await page.getByRole("tab", { name: "Learners" }).click();
  const panel = page.getByRole("tabpanel", { name: "Learners" });
  await panel.getByRole("heading", { name: "No learners yet" }).waitFor();
  expect(await panel.getByRole("img", { name: /^Completion/ }).count()).toBe(0);
});

/**
 * The demo learner enrolls over the API and completes a text lesson the instructor adds,
 * so the course has a learner with progress.
 */
async function enrollWithProgress(courseId: string) {
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const course = await instructor.api.authoring.getCourse.query({ courseId });
  const moduleId = course.modules[0]?.id ?? "";
  const { lessonId } = await instructor.api.authoring.addLesson.mutate({
    moduleId,
    title: "Reading for the chart",
    kind: "text",
  });
  await instructor.api.authoring.updateLesson.mutate({ lessonId, body: "# Read me\n\nDone." });
  const learner = await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  const { enrollmentId } = await learner.api.enrollment.enroll.mutate({ courseId });
  const { accepted } = await learner.api.progress.record.mutate({
    events: [
      {
        eventId: randomUUID(),
        enrollmentId,
        lessonId,
        watched: [],
        positionSeconds: 0,
        completed: true,
        occurredAt: Date.now(),
      },
    ],
  });
  expect(accepted).toBe(1);
}
