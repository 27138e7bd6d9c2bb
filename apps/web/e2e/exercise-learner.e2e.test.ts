import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Session, sessionAs } from "./learning-course";
import { type Stack, startStack } from "./stack";

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
let course: { slug: string; title: string };

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  course = await createExerciseCourse(instructor);
}, 180_000);

afterEach((context) =>
  reportFailure(
    context.task.result?.state === "fail",
    browser,
    stack,
    "lumen-exercise-learner-e2e-failure",
  ),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("a learner runs the samples, fails a submit, passes the next one live, and finds the draft after a reload", async () => {
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

/** The editor's text: a <textarea>'s value, or CodeMirror's lines (each a .cm-line). */
function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((el) =>
    el instanceof HTMLTextAreaElement
      ? el.value
      : Array.from(el.querySelectorAll(".cm-line"), (line) => line.textContent ?? "").join("\n"),
  );
}

/** Replaces the editor's code by typing, as a learner would. */
async function replaceCode(page: Page, editor: Locator, code: string) {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  for (const [index, line] of code.split("\n").entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

/** What the page's polite live regions say now. */
function liveText(page: Page): Promise<string> {
  return page
    .locator('[aria-live="polite"]')
    .evaluateAll((regions) => regions.map((r) => r.textContent ?? "").join(" | "));
}
