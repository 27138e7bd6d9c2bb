import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible } from "./axe";

/**
 * Steps of authoring a programming exercise, by what an instructor sees and does: code and
 * tests are typed with the keyboard, and the grader's check of the reference solution (a
 * real gVisor sandbox run by the job runner) is awaited on screen.
 */

export interface ExerciseTest {
  input: string;
  expected: string;
  sample: boolean;
}

export interface PythonExercise {
  lesson: string;
  prompt: string;
  starterCode: string;
  referenceSolution: string;
  tests: ExerciseTest[];
}

/** Adds up two numbers; its first reference solution gets the hidden test wrong. */
export const SUM_EXERCISE: PythonExercise & { fixedSolution: string } = {
  lesson: "Sum two numbers",
  prompt: "Read two whole numbers from one line of input and print their sum.",
  starterCode: "# Read a and b, then print a + b\n",
  referenceSolution: "a, b = map(int, input().split())\nprint(a + b if b < 5 else a - b)\n",
  fixedSolution: "a, b = map(int, input().split())\nprint(a + b)\n",
  tests: [
    { input: "1 2", expected: "3", sample: true },
    { input: "5 7", expected: "12", sample: false },
  ],
};

/** The grader runs in a sandbox on a shared machine: a check may take a while under load. */
export const CHECK_TIMEOUT_MS = 90_000;

export const PASSES_EVERY_TEST = "Reference solution passes every test — ready to publish";

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Replaces a field's text by typing, as a keyboard user does (select all, then type). */
export async function typeInto(field: Locator, text: string) {
  await field.focus();
  await field.page().keyboard.press("ControlOrMeta+a");
  await field.page().keyboard.press("Delete");
  await field.page().keyboard.type(text);
}

/** The Details a course needs before publishing, besides its title and subtitle. */
export async function describeCourse(page: Page, description: string) {
  await page.getByRole("tab", { name: "Details" }).click();
  await page.getByRole("textbox", { name: "Description" }).fill(description);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page
    .getByRole("tabpanel", { name: "Details" })
    .getByText("Saved", { exact: true })
    .waitFor();
}

/** A test's card in the exercise editor. */
export const testCard = (row: Locator, n: number) =>
  row.getByRole("group", { name: new RegExp(`^Test ${n}\\b`) });

/**
 * Writes a Python stdin → stdout exercise into an open exercise lesson's editor (`row`) and
 * saves it: prompt, language, starter code, reference solution and tests, all typed. A time
 * limit out of range is refused first, in the browser, with focus on its field.
 */
export async function createPythonExercise(row: Locator, exercise: PythonExercise) {
  const page = row.page();
  await row.getByRole("heading", { name: "Exercise", exact: true }).waitFor();
  await typeInto(row.getByRole("textbox", { name: "Prompt" }), exercise.prompt);
  await row.getByLabel("Language").selectOption({ label: "Python 3" });
  await row.getByLabel("Standard input → output").check();
  // Function style asks for the function's name; standard input does not.
  await row.getByLabel("Function call").check();
  await row.getByLabel("Function name").waitFor();
  await row.getByLabel("Standard input → output").check();
  await row.getByLabel("Function name").waitFor({ state: "detached" });
  await row.getByLabel("Compare output").selectOption({ label: "Ignore trailing whitespace" });
  await typeInto(row.getByLabel("Starter code", { exact: true }), exercise.starterCode);
  await typeInto(row.getByLabel("Reference solution", { exact: true }), exercise.referenceSolution);

  for (const [index, test] of exercise.tests.entries()) {
    await row.getByRole("button", { name: "Add a test" }).click();
    const card = testCard(row, index + 1);
    const input = card.getByLabel("Input (stdin)");
    // The new test's input takes focus: type straight away.
    await expect.poll(() => isFocused(input)).toBe(true);
    await page.keyboard.type(test.input);
    await card.getByLabel("Expected output (stdout)").focus();
    await page.keyboard.type(test.expected);
    await card.getByLabel(test.sample ? "Sample (learners see it)" : "Hidden").check();
  }

  // Out of range: refused in the browser, on its field, which takes focus.
  const timeLimit = row.getByLabel("Time limit per test (seconds)");
  await typeInto(timeLimit, "20");
  await row.getByRole("button", { name: "Save exercise" }).click();
  await row.getByText("Give each test from 0.1 to 10 seconds.").waitFor();
  await expect.poll(() => isFocused(timeLimit)).toBe(true);
  await expectAccessible(page, "the exercise editor, with an error");
  await typeInto(timeLimit, "2");
  await saveExercise(row);
}

export async function saveExercise(row: Locator) {
  await row.getByRole("button", { name: "Save exercise" }).click();
  await row.getByText("Saved", { exact: true }).waitFor();
}

/** Waits, without sleeping, for the reference check to show `text` (a verdict line or the pass). */
export async function waitForReferenceCheck(row: Locator, text: string) {
  await row
    .getByRole("region", { name: "Reference check" })
    .getByText(text, { exact: true })
    .waitFor({ timeout: CHECK_TIMEOUT_MS });
}

/** Replaces the reference solution, saves, and waits for it to pass every test. */
export async function fixReferenceSolution(row: Locator, solution: string) {
  await typeInto(row.getByLabel("Reference solution", { exact: true }), solution);
  await saveExercise(row);
  await waitForReferenceCheck(row, PASSES_EVERY_TEST);
}

/** The editor's text: a <textarea>'s value, or CodeMirror's lines (each a .cm-line). */
export function editorText(editor: Locator): Promise<string> {
  return editor.evaluate((el) =>
    el instanceof HTMLTextAreaElement
      ? el.value
      : Array.from(el.querySelectorAll(".cm-line"), (line) => line.textContent ?? "").join("\n"),
  );
}

/** Replaces the editor's code by typing, as a learner would. */
export async function replaceCode(page: Page, editor: Locator, code: string) {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  for (const [index, line] of code.split("\n").entries()) {
    if (index > 0) await page.keyboard.press("Enter");
    await page.keyboard.type(line);
  }
}

/** What the page's polite live regions say now. */
export function liveText(page: Page): Promise<string> {
  return page
    .locator('[aria-live="polite"]')
    .evaluateAll((regions) => regions.map((r) => r.textContent ?? "").join(" | "));
}
