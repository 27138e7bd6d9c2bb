import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { addLesson, fixLeadsTo } from "./authoring-learning-steps";
import { COURSE, createCourse, publish, signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import {
  CHECK_TIMEOUT_MS,
  createPythonExercise,
  describeCourse,
  editorText,
  fixReferenceSolution,
  liveText,
  replaceCode,
  SUM_EXERCISE,
  waitForReferenceCheck,
} from "./exercise-steps";
import { reportFailure } from "./failure-report";
import { type Session, sessionAs } from "./learning-course";
import { lessonBadge } from "./outline-locators";
import { type Stack, startStack } from "./stack";

// Programming exercises in a real browser, one stack for both journeys: the job runner grades
// in a real gVisor sandbox (reference checks and learners' submissions alike).

/** The grader runs each submission in a gVisor sandbox: generous on a busy machine. */
const VERDICT_MS = 60_000;

const EXERCISE = {
  title: "Add two numbers",
  prompt: "Read two integers on one line and print their **sum**.",
  starterCode: "# Read two numbers and print their sum\n",
  referenceSolution: "a, b = map(int, input().split())\nprint(a + b)\n",
  wrong: "a, b = map(int, input().split())\nprint(a - b)",
  right: "a, b = map(int, input().split())\nprint(a + b)",
};

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
}, 180_000);

afterEach((context) =>
  reportFailure(
    context.task.result?.state === "fail",
    browser,
    stack,
    "lumen-exercise-e2e-failure",
  ),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("an instructor writes a Python exercise (the grader catches a wrong reference solution), publishes it, and a learner sees WA then AC live and completes the lesson", async () => {
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

  // A learner takes it: a wrong solution is WA, a right one AC, live, and the lesson completes.
  const courseId = /\/teach\/courses\/([^/?#]+)/.exec(page.url())?.[1] ?? "";
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const { slug } = await instructor.api.authoring.getCourse.query({ courseId });
  const learner = await browser.newPage();
  learner.setDefaultTimeout(15_000);
  await learner.goto(`${stack.webUrl}/sign-in`);
  await signIn(learner, "learner@lumen.dev", "lumen-learner-dev");
  await learner.getByText("Leo Learner").first().waitFor();
  await learner.goto(`${stack.webUrl}/courses/${slug}`);
  await learner.getByRole("button", { name: "Enroll", exact: true }).click();
  await learner.getByRole("link", { name: "Start the course" }).click();
  await learner.getByRole("heading", { level: 1, name: SUM_EXERCISE.lesson }).waitFor();
  const editor = learner.locator(".cm-content").and(learner.getByLabel(/^Code \(Python/));
  await expect.poll(() => editorText(editor)).toContain("Read a and b");

  await replaceCode(learner, editor, "a, b = map(int, input().split())\nprint(a - b)");
  await learner.getByRole("button", { name: "Submit", exact: true }).click();
  const wrong = learner.getByRole("region", { name: "Attempt 1: result" });
  await wrong.getByText("Wrong answer (WA)").waitFor({ timeout: CHECK_TIMEOUT_MS });
  await wrong.getByText("Test 2 (hidden)").waitFor();

  await replaceCode(learner, editor, SUM_EXERCISE.fixedSolution.trimEnd());
  await learner.getByRole("button", { name: "Submit", exact: true }).click();
  const right = learner.getByRole("region", { name: "Attempt 2: result" });
  await right.getByText("Accepted (AC)").waitFor({ timeout: CHECK_TIMEOUT_MS });
  await expect.poll(() => liveText(learner)).toMatch(/Accepted \(AC\), 100 %, passed/);
  const outline = learner.getByRole("complementary", { name: "Course content" });
  const entry = outline.getByRole("link", { name: new RegExp(SUM_EXERCISE.lesson) });
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain("Completed");
  await learner.close();
}, 420_000);

it("a learner runs the samples, fails a submit, passes the next one live, and finds the draft after a reload", async () => {
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const course = await createExerciseCourse(instructor);
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByText("Leo Learner").first().waitFor();

  await page.goto(`${stack.webUrl}/courses/${course.slug}`);
  await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("link", { name: "Start the course" }).click();
  await page.getByRole("heading", { level: 1, name: EXERCISE.title }).waitFor();

  // The task, its facts, the sample, and the starter code in the editor.
  await page.getByText("Read two integers on one line and print their").waitFor();
  const facts = page.getByRole("list", { name: "About this exercise" });
  await facts.getByText("Python").waitFor();
  await facts.getByText("3 of 3 attempts left").waitFor();
  await facts.getByText("Required for the certificate").waitFor();
  await page.getByRole("heading", { name: "Example" }).waitFor();
  // CodeMirror takes over from the stand-in textarea (its lazy chunk): type into it.
  const editor = page.locator(".cm-content").and(page.getByLabel(/^Code \(Python/));
  await expect.poll(() => editorText(editor)).toContain("Read two numbers and print their sum");
  await page.getByText("No submissions yet.").waitFor();

  // A wrong solution, typed; Ctrl+Enter in the editor runs the samples.
  await replaceCode(page, editor, EXERCISE.wrong);
  await page.keyboard.press("Control+Enter");
  // The shortcut is the page's: the editor does not also insert a line.
  await expect.poll(() => editorText(editor)).toBe(EXERCISE.wrong);
  const result = page.getByRole("region", { name: /^Sample run: result$/ });
  await result.getByText("Wrong answer (WA)").waitFor({ timeout: VERDICT_MS });
  await result.getByText('Line 1: expected "5", got "-1".').waitFor();
  await result.getByText("(first difference)").first().waitFor({ state: "attached" });
  await expect.poll(() => liveText(page)).toContain("Wrong answer (WA)");

  // Submit the same code: a graded attempt, wrong on the sample and the hidden test.
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const attempt1 = page.getByRole("region", { name: "Attempt 1: result" });
  await attempt1.getByText("Wrong answer (WA)").waitFor({ timeout: VERDICT_MS });
  await attempt1.getByText("0 of 3 points").waitFor();
  await attempt1.getByText("Not passed yet: the pass mark is 100 %").waitFor();
  await attempt1.getByText("Test 2 (hidden)").waitFor();
  await facts.getByText("2 of 3 attempts left").waitFor();

  // The right solution: accepted, live, and the lesson is completed.
  await replaceCode(page, editor, EXERCISE.right);
  await page.getByText("Saved", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const attempt2 = page.getByRole("region", { name: "Attempt 2: result" });
  await attempt2.getByText("Accepted (AC)").waitFor({ timeout: VERDICT_MS });
  await attempt2.getByText("3 of 3 points").waitFor();
  await attempt2.getByText("Passed: the pass mark is 100 %").waitFor();
  await expect.poll(() => liveText(page)).toMatch(/Accepted \(AC\), 100 %, passed/);
  const outline = page.getByRole("complementary", { name: "Course content" });
  const entry = outline.getByRole("link", { name: new RegExp(EXERCISE.title) });
  await expect.poll(() => entry.textContent(), { timeout: 20_000 }).toContain("Completed");
  await expect
    .poll(() =>
      outline.getByRole("progressbar", { name: "Course progress" }).getAttribute("aria-valuenow"),
    )
    .toBe("100");
  // No "Mark as complete" on an exercise: only a passed submit completes it.
  expect(await page.getByRole("button", { name: "Mark as complete" }).count()).toBe(0);
  await expectAccessible(page, "an exercise with an accepted submission");

  // The history: picking the first attempt shows its results again.
  const history = page.getByRole("region", { name: "Your submissions" });
  await history.getByRole("button", { name: /^Attempt 1/ }).click();
  await page
    .getByRole("region", { name: "Attempt 1: result" })
    .getByText("Wrong answer (WA)")
    .waitFor();

  // Reset asks first; keeping the code keeps it.
  await page.getByRole("button", { name: "Reset to starter code" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset to the starter code?" });
  await dialog.getByRole("button", { name: "Keep my code" }).click();
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => editorText(editor)).toContain("a + b");

  // A reload opens on the saved draft and the runs so far.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: EXERCISE.title }).waitFor();
  await expect.poll(() => editorText(editor)).toContain("print(a + b)");
  await history.getByRole("button", { name: /^Attempt 2/ }).waitFor();
  await history.getByRole("button", { name: /^Sample run/ }).waitFor();
  await page
    .getByRole("region", { name: "Attempt 2: result" })
    .getByText("Accepted (AC)")
    .waitFor();
});

/** A published course of one Python stdio exercise whose reference solution passed. */
async function createExerciseCourse({ api }: Session) {
  const title = `Python Sums in One Line ${Date.now().toString(36)}`;
  const { id: courseId } = await api.authoring.createCourse.mutate({
    title,
    subtitle: "One exercise: read two numbers, print their sum.",
    description:
      "A tiny programming course: read two integers from standard input and print their sum, graded in a sandbox.",
    category: "Computer Science",
    level: "beginner",
    language: "en",
  });
  const { moduleId } = await api.authoring.addModule.mutate({
    courseId,
    title: "Input and output",
  });
  const { lessonId } = await api.authoring.addLesson.mutate({
    moduleId,
    title: EXERCISE.title,
    kind: "exercise",
  });
  await api.authoring.updateLesson.mutate({ lessonId, body: EXERCISE.prompt });
  await api.exercise.save.mutate({
    lessonId,
    settings: {
      language: "python",
      style: "stdio",
      functionName: "",
      normalise: "trim",
      tolerance: 0,
      timeLimitMs: 2_000,
      memoryMb: 128,
      passingPercent: 100,
      maxAttempts: 3,
      requiredForCertificate: true,
    },
    starterCode: EXERCISE.starterCode,
    referenceSolution: EXERCISE.referenceSolution,
    tests: [
      { sample: true, points: 1, input: "2 3\n", expected: "5\n" },
      { sample: false, points: 2, input: "10 -4\n", expected: "6\n" },
    ],
  });
  // The reference solution is checked in the sandbox before the course may publish.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const edit = await api.exercise.edit.query({ lessonId });
    if (edit.referencePassed) break;
    if (edit.referenceCheck?.status === "graded") {
      throw new Error(`the reference solution failed: ${JSON.stringify(edit.referenceCheck)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`the reference check did not finish: ${JSON.stringify(edit.referenceCheck)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // The poll's interval.
  }
  await api.authoring.publish.mutate({ courseId });
  const { slug } = await api.authoring.getCourse.query({ courseId });
  return { slug, title };
}
