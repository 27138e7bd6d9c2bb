import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("a learner filters the catalog, signs in to enroll and finds the course in My learning", async () => {
  await page.goto(`${stack.webUrl}/`);
  await page.getByRole("heading", { level: 1, name: "Course catalog" }).waitFor();

  // Filter by category: the URL carries it, every card matches, and Back undoes it.
  const category = page.getByLabel("Category");
  await category.locator("option", { hasText: "Data Science" }).waitFor({ state: "attached" });
  await category.selectOption("Data Science");
  await page.waitForURL(/category=Data\+Science/);
  // The previous page stays on screen (dimmed) until the filtered one arrives.
  await expect.poll(() => cardEyebrows(page)).toSatisfy(allStartWith("Data Science"));
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes("category"));
  await expect.poll(() => category.inputValue()).toBe("");
  await page.goForward();
  await page.waitForURL(/category=Data\+Science/);
  await expect.poll(() => category.inputValue()).toBe("Data Science");
  await expect.poll(() => cardEyebrows(page)).toSatisfy(allStartWith("Data Science"));

  // Open the first course; enrolling while signed out goes through sign-in and comes back.
  const cards = page.getByRole("region", { name: "Courses" }).getByRole("article");
  const firstTitle = cards.first().getByRole("heading", { level: 3 });
  const title = ((await firstTitle.textContent()) ?? "").trim();
  await firstTitle.getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("heading", { name: "Course outline" }).waitFor();
  const courseUrl = page.url();
  await page.getByRole("button", { name: "Sign in to enroll" }).click();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByLabel("Email").fill("learner@lumen.dev");
  await page.getByLabel("Password").fill("lumen-learner-dev");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  expect(page.url()).toBe(courseUrl);
  expect(await page.getByText("Leo Learner").isVisible()).toBe(true);

  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("heading", { name: "You're enrolled" }).waitFor();

  // The course is listed under My learning.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "My learning" }).click();
  await page.getByRole("heading", { level: 1, name: "My learning" }).waitFor();
  const enrolled = page.getByRole("list", { name: "Enrolled courses" });
  await enrolled.getByRole("link", { name: title }).waitFor();
  expect(await enrolled.getByRole("listitem").count()).toBe(1);

  // Signing out takes the learner-only navigation away.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();
  expect(await nav.getByRole("link", { name: "My learning" }).count()).toBe(0);
});

function cardEyebrows(page: Page): Promise<string[]> {
  return page.locator(".results .card-eyebrow").allTextContents();
}

function allStartWith(prefix: string) {
  return (texts: string[]) => texts.length > 0 && texts.every((t) => t.startsWith(prefix));
}
