import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible } from "./axe";
import { authoredCourseLinks, lessonBadge, lessonRow } from "./outline-locators";

/** Steps of the quiz and PDF authoring journey, by what an instructor sees and does. */

export const QUIZ = {
  lesson: "Check your folds",
  single: {
    prompt: "Which fold bends the paper towards you?",
    options: ["Mountain fold", "Valley fold"],
    correct: 2,
    points: "2",
  },
  numeric: {
    prompt: "How many degrees are in a square base's corner?",
    value: "90",
    tolerance: "0.5",
  },
};
export const PDF_LESSON = { title: "Crease pattern handout", filename: "crease-handout.pdf" };

/** Opens the first published course on "Your courses" at its outline. */
export async function openPublishedCourseOutline(page: Page, webUrl: string) {
  await page.goto(`${webUrl}/teach`);
  await page.getByRole("heading", { level: 1, name: "Your courses" }).waitFor();
  const courseLink = authoredCourseLinks(page, { published: true }).first();
  const title = ((await courseLink.textContent()) ?? "").trim();
  await courseLink.click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("tab", { name: "Outline" }).click();
  return { title, panel: page.getByRole("tabpanel", { name: "Outline" }) };
}

/** Adds a lesson of a kind to the first module and opens its editor; returns its row. */
export async function addLesson(
  panel: Locator,
  title: string,
  kind: "Quiz" | "PDF" | "Exercise" | "Assignment",
) {
  const form = panel.getByRole("form", { name: /^Add a lesson to/ }).first();
  await form.getByLabel("New lesson").fill(title);
  await form.getByLabel("Kind").selectOption({ label: kind });
  await form.getByRole("button", { name: "Add lesson" }).click();
  return openLesson(panel, title);
}

/** A checklist item's Fix opens that lesson's editor with focus on its heading. */
export async function fixLeadsTo(page: Page, problem: RegExp, heading: string) {
  await page.getByRole("tab", { name: /Publish/ }).click();
  await page
    .getByRole("tabpanel", { name: /Publish/ })
    .getByRole("button", { name: problem })
    .click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
    .toBe(heading);
  await expectAccessible(page, `the lesson editor the checklist led to (${heading})`);
}

export async function openLesson(panel: Locator, title: string) {
  const row = lessonRow(panel, title);
  await row.getByRole("button", { name: `Edit lesson “${title}”` }).click();
  return row;
}

export async function buildQuiz(row: Locator) {
  await row.getByRole("heading", { name: "Quiz" }).waitFor();
  await row.getByRole("button", { name: "Single choice" }).click();
  // An empty question is refused in the browser, on its fields.
  await row.getByRole("button", { name: "Save quiz" }).click();
  const first = row.getByRole("group", { name: /^Question 1/ });
  await first.getByText("Write the question.").waitFor();
  await first.getByText("Mark the correct option.").waitFor();
  const prompt = first.getByLabel("Question text");
  await expect.poll(() => prompt.evaluate((el) => el === document.activeElement)).toBe(true);
  await expectAccessible(row.page(), "the quiz builder, with errors");

  const { single, numeric } = QUIZ;
  await prompt.fill(single.prompt);
  await first.getByLabel("Points").fill(single.points);
  for (const [i, text] of single.options.entries()) {
    await first.getByLabel(`Option ${i + 1}`, { exact: true }).fill(text);
  }
  await first.getByLabel(`Correct: option ${single.correct}`).check();

  await row.getByRole("button", { name: "Numeric" }).click();
  const second = row.getByRole("group", { name: /^Question 2/ });
  await second.getByLabel("Question text").fill(numeric.prompt);
  await second.getByLabel("Correct answer").fill(numeric.value);
  await second.getByLabel("Tolerance (±)").fill(numeric.tolerance);

  // A limit of attempts only shows without "Unlimited attempts".
  const unlimited = row.getByLabel("Unlimited attempts");
  const attempts = row.getByLabel("Attempts allowed");
  const wasUnlimited = await unlimited.isChecked();
  await unlimited.check();
  await attempts.waitFor({ state: "detached" });
  await unlimited.uncheck();
  await attempts.waitFor();
  if (wasUnlimited) await unlimited.check();
  await row.getByLabel("Passing score (%)").fill("50");
  await row.getByRole("button", { name: "Save quiz" }).click();
  await row.getByText("Saved", { exact: true }).waitFor();
  await lessonBadge(row, "2 questions").waitFor();
  await expectAccessible(row.page(), "the quiz builder, saved");
}

export async function expectQuizSaved(row: Locator) {
  const { single, numeric } = QUIZ;
  const first = row.getByRole("group", { name: /^Question 1/ });
  await expect.poll(() => first.getByLabel("Question text").inputValue()).toBe(single.prompt);
  expect(await first.getByLabel("Points").inputValue()).toBe(single.points);
  expect(await first.getByLabel("Option 2", { exact: true }).inputValue()).toBe(single.options[1]);
  expect(await first.getByLabel(`Correct: option ${single.correct}`).isChecked()).toBe(true);
  expect(await first.getByLabel("Correct: option 1").isChecked()).toBe(false);
  const second = row.getByRole("group", { name: /^Question 2/ });
  expect(await second.getByLabel("Type").inputValue()).toBe("numeric");
  expect(await second.getByLabel("Correct answer").inputValue()).toBe(numeric.value);
  expect(await second.getByLabel("Tolerance (±)").inputValue()).toBe(numeric.tolerance);
  expect(await row.getByLabel("Passing score (%)").inputValue()).toBe("50");
}
