import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import {
  buildOutline,
  COURSE,
  checklistLeadsToFix,
  createCourse,
  fillDetails,
  previewDraft,
  publish,
  signIn,
  waitForResult,
} from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
});

// A failing step leaves a picture of every open page behind, and the servers' last words.
afterEach((context) => reportFailure(context.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("a learner filters the catalog, signs in to enroll and finds the course in My learning", async () => {
  await page.goto(`${stack.webUrl}/`);
  await page.getByRole("heading", { level: 1, name: "Course catalog" }).waitFor();
  await page.getByRole("region", { name: "Courses" }).getByRole("article").first().waitFor();
  await expectAccessible(page, "the catalog");

  // Filter by category: the URL carries it, every card matches, and Back undoes it.
  const categories = page.getByRole("region", { name: "Category" });
  const dataScience = categories.getByRole("link", { name: /^Data Science/ });
  await dataScience.click();
  await page.waitForURL(/category=Data\+Science/);
  // The previous page stays on screen (dimmed) until the filtered one arrives.
  await expect.poll(() => cardEyebrows(page)).toSatisfy(allStartWith("Data Science"));
  await expect.poll(() => dataScience.getAttribute("aria-current")).toBe("true");
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes("category"));
  await expect.poll(() => dataScience.getAttribute("aria-current")).toBeNull();
  await page.goForward();
  await page.waitForURL(/category=Data\+Science/);
  await expect.poll(() => dataScience.getAttribute("aria-current")).toBe("true");
  await expect.poll(() => cardEyebrows(page)).toSatisfy(allStartWith("Data Science"));

  // Open the first course; enrolling while signed out goes through sign-in and comes back.
  const cards = page.getByRole("region", { name: "Courses" }).getByRole("article");
  const firstTitle = cards.first().getByRole("heading", { level: 3 });
  const title = ((await firstTitle.textContent()) ?? "").trim();
  await firstTitle.getByRole("link").click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.getByRole("heading", { name: "Course outline" }).waitFor();
  await expectAccessible(page, "a course page, signed out");
  const courseUrl = page.url();
  await page.getByRole("button", { name: "Sign in to enroll" }).click();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await expectAccessible(page, "sign-in");
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  expect(page.url()).toBe(courseUrl);
  expect(await page.getByText("Leo Learner").isVisible()).toBe(true);

  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("heading", { name: "You're enrolled" }).waitFor();
  await expectAccessible(page, "a course page, enrolled");

  // The course is listed under My learning.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "My learning" }).click();
  await page.getByRole("heading", { level: 1, name: "My learning" }).waitFor();
  const enrolled = page.getByRole("list", { name: "Enrolled courses" });
  await enrolled.getByRole("link", { name: title }).waitFor();
  expect(await enrolled.getByRole("listitem").count()).toBe(1);
  await expectAccessible(page, "My learning");

  // Signing out takes the learner-only navigation away; learners never see Teach.
  expect(await nav.getByRole("link", { name: "Teach" }).count()).toBe(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).waitFor();
  expect(await nav.getByRole("link", { name: "My learning" }).count()).toBe(0);
  await page.goto(`${stack.webUrl}/sign-up`);
  await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
  await expectAccessible(page, "sign-up");
});

it("an instructor builds and publishes a course that a learner then finds despite a typo", async () => {
  const instructor = await browser.newPage();
  instructor.setDefaultTimeout(10_000);
  await instructor.goto(`${stack.webUrl}/sign-in`);
  await signIn(instructor, "instructor@lumen.dev", "lumen-instructor-dev");
  await createCourse(instructor, COURSE);
  await checklistLeadsToFix(instructor);
  await fillDetails(instructor, COURSE);
  await buildOutline(instructor, COURSE);
  await previewDraft(instructor, COURSE);
  await publish(instructor);

  // Anyone can now find it — the job runner indexes it within a second or two.
  const learner = await browser.newPage();
  learner.setDefaultTimeout(10_000);
  await learner.goto(`${stack.webUrl}/`);
  await learner.getByRole("searchbox", { name: "Search courses" }).fill("quantm origami");
  await learner.waitForURL(/query=quantm\+origami/);
  const result = learner.getByRole("link", { name: COURSE.title });
  await waitForResult(learner, result, stack.logs);
  // The typo was corrected, and the match is highlighted.
  await learner.getByText("Showing results for").waitFor();
  await expectAccessible(learner, "search results");
  const card = learner.getByRole("article").filter({ has: result });
  expect(await card.getByRole("heading").locator("mark").count()).toBeGreaterThan(0);
  expect(await card.locator("img").getAttribute("src")).toMatch(/^\/media\//);
  // Keyboard: "/" jumps to the search box, Down arrow into the results.
  const searchbox = learner.getByRole("searchbox", { name: "Search courses" });
  await learner.locator("body").click({ position: { x: 5, y: 5 } });
  await learner.keyboard.press("/");
  await expect.poll(() => searchbox.evaluate((el) => el === document.activeElement)).toBe(true);
  await learner.keyboard.press("ArrowDown");
  await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
  await learner.keyboard.press("Enter");
  await learner.getByRole("heading", { level: 1, name: COURSE.title }).waitFor();
  // The description is rendered Markdown: its heading became a real heading.
  await learner.getByRole("heading", { name: "What you will fold" }).waitFor();
  expect(await learner.getByText("Draft preview").count()).toBe(0);
  // Back returns to the search, then to the catalog as it was before typing.
  await learner.goBack();
  await expect.poll(() => searchbox.inputValue()).toBe("quantm origami");
  await learner.goBack();
  await learner.waitForURL((url) => url.search === "");
  await expect.poll(() => searchbox.inputValue()).toBe("");
  await learner.close();
});

function cardEyebrows(page: Page): Promise<string[]> {
  // A card's first paragraph is its eyebrow: "Category · Level".
  return page
    .getByRole("region", { name: "Courses" })
    .getByRole("article")
    .evaluateAll((cards) => cards.map((card) => card.querySelector("p")?.textContent ?? ""));
}

function allStartWith(prefix: string) {
  return (texts: string[]) => texts.length > 0 && texts.every((t) => t.startsWith(prefix));
}
