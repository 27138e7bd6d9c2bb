import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { expectAccessible } from "./axe";
import { coverPng } from "./cover-image";
import { lessonRow, lessonTitles } from "./outline-locators";

/** The course the authoring journey builds; its title is unique in the seed. */
export const COURSE = {
  title: "Quantum Origami Fundamentals",
  subtitle: "Fold paper, learn the mathematics of crease patterns and flat folding.",
  description: [
    "Origami is geometry you can hold. This course builds intuition for flat folding.",
    "",
    "## What you will fold",
    "",
    "- **Valley** and *mountain* folds",
    "- Crease patterns that fold flat",
    "",
    "Read more at [the Origami Database](https://origami.example.org).",
  ].join("\n"),
  tags: ["origami", "geometry"],
  module: "Folding foundations",
  lessons: [
    { title: "Valley and mountain folds", body: "A valley fold bends the paper towards you." },
    { title: "Crease patterns as graphs", body: "Every crease pattern is a planar graph." },
  ],
};
type Course = typeof COURSE;

export async function signIn(page: Page, email: string, password: string) {
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function createCourse(page: Page, course: Course) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teach" }).click();
  await page.getByRole("heading", { level: 1, name: "Your courses" }).waitFor();
  await expectAccessible(page, "Your courses");
  await page.getByRole("link", { name: /New course|Create your first course/ }).click();
  await page.getByRole("heading", { level: 1, name: "New course" }).waitFor();
  // Submitting empty shows the errors on their fields.
  await page.getByRole("button", { name: "Create course" }).click();
  await page.getByText("Give your course a title.").waitFor();
  await expectAccessible(page, "New course, with errors");
  await page.getByLabel("Title", { exact: true }).fill(course.title);
  await page.getByLabel("Subtitle (optional)").fill(course.subtitle);
  await page.getByLabel("Category", { exact: true }).selectOption("Mathematics");
  await page.getByLabel("Level", { exact: true }).selectOption("beginner");
  await page.getByRole("button", { name: "Create course" }).click();
  await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
}

export async function fillDetails(page: Page, course: Course) {
  await page.getByRole("tab", { name: "Details" }).click();
  // The cover uploads (and saves) on its own, before the form's Save.
  await page.getByLabel("Upload image").setInputFiles({
    name: "cover.png",
    mimeType: "image/png",
    buffer: coverPng(),
  });
  await page.getByRole("region", { name: "Cover image" }).locator('img[src^="/media/"]').waitFor();
  await page.getByRole("textbox", { name: "Description" }).fill(course.description);
  const tags = page.getByRole("textbox", { name: "Tags" });
  for (const tag of course.tags) {
    await tags.fill(tag);
    await tags.press("Enter");
  }
  await page.getByRole("button", { name: "Save changes" }).click();
  await page
    .getByRole("tabpanel", { name: "Details" })
    .getByText("Saved", { exact: true })
    .waitFor();
  await expectAccessible(page, "the course editor's Details");
}

export async function buildOutline(page: Page, course: Course) {
  await page.getByRole("tab", { name: "Outline" }).click();
  const panel = page.getByRole("tabpanel", { name: "Outline" });
  await panel.getByLabel("New module").fill(course.module);
  await panel.getByRole("button", { name: "Add module" }).click();
  await panel.getByRole("heading", { level: 3, name: course.module }).waitFor();
  // Lessons are added in reverse, then put in order with the keyboard-accessible controls.
  for (const lesson of [...course.lessons].reverse()) {
    await panel.getByLabel("New lesson").fill(lesson.title);
    await panel.getByRole("button", { name: "Add lesson" }).click();
    await panel.getByRole("button", { name: `Rename lesson “${lesson.title}”` }).waitFor();
  }
  const [first, second] = course.lessons;
  if (!first || !second) throw new Error("the journey needs two lessons");
  // Reorder three ways: the move button, Alt+Arrow on the handle, and drag and drop.
  const lessonList = panel.getByRole("list", { name: `Lessons in ${course.module}` });
  const order = () => lessonTitles(lessonList);
  await panel.getByRole("button", { name: `Move lesson “${first.title}” up` }).click();
  await expect.poll(order).toEqual([first.title, second.title]);
  const handle = panel.getByRole("button", { name: `Reorder lesson “${first.title}”` });
  await handle.focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(order).toEqual([second.title, first.title]);
  await expect.poll(() => handle.evaluate((el) => el === document.activeElement)).toBe(true);
  await handle.dragTo(lessonRow(lessonList, second.title));
  await expect.poll(order).toEqual([first.title, second.title]);

  for (const lesson of course.lessons) {
    await panel.getByRole("button", { name: `Edit lesson “${lesson.title}”` }).click();
    const editor = lessonRow(panel, lesson.title);
    await editor.getByRole("textbox", { name: "Lesson text" }).fill(lesson.body);
    await editor.getByRole("button", { name: "Save lesson" }).click();
    await editor.getByText("Saved", { exact: true }).waitFor();
  }
  await expectAccessible(page, "the course editor's Outline, a lesson editor open");
}

/** Each item of the publish checklist leads to the field that fixes it. */
export async function checklistLeadsToFix(page: Page) {
  await page.getByRole("tab", { name: /Publish/ }).click();
  const panel = page.getByRole("tabpanel", { name: /Publish/ });
  await panel.getByRole("button", { name: /^Fix\W+Write a description/ }).waitFor();
  await expectAccessible(page, "the publish checklist");
  await panel.getByRole("button", { name: /^Fix\W+Write a description/ }).click();
  const description = page.getByRole("textbox", { name: "Description" });
  await expect.poll(() => description.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.getByRole("tab", { name: /Publish/ }).click();
  await panel.getByRole("button", { name: /^Fix\W+Add at least one module/ }).click();
  const newModule = page.getByLabel("New module");
  await expect.poll(() => newModule.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** "Preview as learner" shows the draft to its instructor, marked as such. */
export async function previewDraft(page: Page, course: Course) {
  const editorUrl = page.url();
  const href = await page
    .getByRole("link", { name: /Preview as learner/ })
    .first()
    .getAttribute("href");
  await page.goto(new URL(href ?? "/", editorUrl).toString());
  await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
  await page.getByRole("note", { name: "Draft preview" }).waitFor();
  await expectAccessible(page, "a draft's course page");
  // Its editors may open every lesson: a text lesson, as learners will read it.
  const [lesson] = course.lessons;
  if (!lesson) throw new Error("the journey needs a lesson");
  await page.getByRole("link", { name: lesson.title }).first().click();
  await page.getByRole("heading", { level: 1, name: lesson.title }).waitFor();
  await page.getByText(lesson.body).waitFor();
  await expectAccessible(page, "a text lesson");
  await page.goto(editorUrl);
  await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
}

export async function publish(page: Page) {
  await page.getByRole("tab", { name: /Publish/ }).click();
  const panel = page.getByRole("tabpanel", { name: /Publish/ });
  await panel.getByText("Ready to publish").waitFor();
  await panel.getByRole("button", { name: "Publish course" }).click();
  await panel.getByRole("heading", { name: "This course is live" }).waitFor();
  await expectAccessible(page, "a published course's Publish tab");
}

/** Search results come from the index the job runner fills: reload until the course is in. */
export async function waitForResult(page: Page, result: Locator, logs: () => string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await result.isVisible()) return;
    await page.waitForTimeout(500);
    await page.reload();
    await page
      .getByRole("status")
      .filter({ hasText: /course/ })
      .first()
      .waitFor();
  }
  throw new Error(`the published course never appeared in search results\n${logs()}`);
}
