import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { addLesson, fixLeadsTo } from "./authoring-learning-steps";
import { COURSE, createCourse, publish, signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import {
  createPythonExercise,
  describeCourse,
  fixReferenceSolution,
  SUM_EXERCISE,
  waitForReferenceCheck,
} from "./exercise-steps";
import { reportFailure } from "./failure-report";
import { lessonBadge } from "./outline-locators";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
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
    "lumen-exercise-authoring-e2e-failure",
  ),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("an instructor writes a Python exercise whose wrong reference solution the grader catches, fixes it and publishes", async () => {
  await page.goto(`${stack.webUrl}/`);
  await createCourse(page, { ...COURSE, title: "Python Warm-ups" });
  await describeCourse(page, COURSE.description);
  await page.getByRole("tab", { name: "Outline" }).click();
  const panel = page.getByRole("tabpanel", { name: "Outline" });
  await panel.getByLabel("New module").fill("Week one");
  await panel.getByRole("button", { name: "Add module" }).click();
  const row = await addLesson(panel, SUM_EXERCISE.lesson, "Exercise");
  await lessonBadge(row, "No tests yet").waitFor();

  // The reference solution adds small numbers and subtracts big ones: the hidden test fails.
  await createPythonExercise(row, SUM_EXERCISE);
  await waitForReferenceCheck(row, "Test 2 (hidden): Wrong answer");
  const check = row.getByRole("region", { name: "Reference check" });
  // Expected and actual on the first line that differs, quoted as the grader shows them.
  expect(await check.getByText('"12"', { exact: true }).count()).toBe(1);
  expect(await check.getByText('"-2"', { exact: true }).count()).toBe(1);
  await lessonBadge(row, "Reference solution fails").waitFor();
  await expectAccessible(page, "the exercise editor, its reference check failed");

  // The checklist names the failing test and leads back to the exercise.
  const failing = new RegExp(
    `^Fix\\W+The reference solution of exercise “${SUM_EXERCISE.lesson}” fails: test 2 \\(hidden\\) gives a wrong answer`,
  );
  await fixLeadsTo(page, failing, "Exercise");

  await fixReferenceSolution(row, SUM_EXERCISE.fixedSolution);
  await lessonBadge(row, "2 tests").waitFor();
  await expectAccessible(page, "the exercise editor, its reference check passed");

  // Saved as typed: a reload shows the exercise again.
  await page.reload();
  const reloaded = page.getByRole("tabpanel", { name: "Outline" });
  const again = reloaded.getByTestId("lesson-row").filter({ hasText: SUM_EXERCISE.lesson });
  await again.getByRole("button", { name: `Edit lesson “${SUM_EXERCISE.lesson}”` }).click();
  await expect
    .poll(() => again.getByRole("textbox", { name: "Prompt" }).inputValue())
    .toBe(SUM_EXERCISE.prompt);
  expect(await again.getByLabel("Input (stdin)").nth(1).inputValue()).toBe("5 7");
  expect(await again.getByLabel("Hidden").nth(1).isChecked()).toBe(true);
  await waitForReferenceCheck(again, "Reference solution passes every test — ready to publish");

  await publish(page);
}, 300_000);
