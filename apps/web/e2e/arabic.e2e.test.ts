import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { ARABIC, createQuizCourse, type QuizCourse, signInContext } from "./i18n-steps";
import { sessionAs } from "./learning-course";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let course: QuizCourse;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  course = await createQuizCourse(instructor);
  const learner = await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  await learner.api.enrollment.enroll.mutate({ courseId: course.id });
  // An English browser: Arabic comes from the learner's own choice, not from the browser.
  context = await browser.newContext({ locale: "en-US" });
  await signInContext(context, stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
}, 180_000);

afterEach((ctx) => reportFailure(ctx.task.result?.state === "fail", browser, stack));

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

const htmlAttributes = () =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

it("a learner switches to Arabic with the header's menu, completes a quiz in it, and it stays Arabic", async () => {
  await page.goto(`${stack.webUrl}/courses/${course.slug}`);
  await page.getByRole("heading", { level: 1, name: course.title }).waitFor();
  expect(await htmlAttributes()).toEqual({ lang: "en", dir: "ltr" });

  // Keyboard only: open the language menu, arrow to Arabic (its own name), Enter.
  const menuButton = page.getByRole("button", { name: "Language", exact: true });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const arabic = page.getByRole("menuitemradio", { name: "العربية" });
  await arabic.waitFor();
  expect(await arabic.getAttribute("lang")).toBe("ar");
  while (!(await arabic.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");

  // No reload: the same page, now right-to-left, its chrome in Arabic.
  await expect.poll(htmlAttributes).toEqual({ lang: "ar", dir: "rtl" });
  await page
    .getByRole("navigation", { name: "الرئيسية" })
    .getByRole("link", { name: "الفهرس" })
    .waitFor();
  expect(await page.getByRole("button", { name: "اللغة" }).count()).toBe(1);
  await expectAccessible(page, "a course page in Arabic (RTL)");

  // Saved on the profile: a reload (and any other device) opens in Arabic.
  await page.reload();
  await expect.poll(htmlAttributes).toEqual({ lang: "ar", dir: "rtl" });
  const profile = await page.request.get(
    `${stack.webUrl}/api/auth/get-session?disableCookieCache=true`,
  );
  expect(((await profile.json()) as { user: { locale: string } }).user.locale).toBe("ar");

  // The quiz, answered by its content (the author's words stay English).
  await page.goto(`${stack.webUrl}/courses/${course.slug}/lessons/${course.quizId}`);
  await page.getByRole("heading", { level: 1, name: "Check your colours" }).waitFor();
  await expectAccessible(page, "a quiz in Arabic (RTL)");
  const question = (name: RegExp) => page.getByRole("group", { name });
  await question(/Which colour is the sky/)
    .getByLabel("Blue")
    .check();
  // True comes first, in every language.
  await question(/White light contains/)
    .getByRole("radio")
    .first()
    .check();
  await question(/How many colours/)
    .getByRole("textbox")
    .fill("7");
  await page.locator('form button[type="submit"]').click();

  // The result has focus and speaks Arabic.
  const result = page.locator("#quiz-result-heading");
  await result.waitFor();
  await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
  // 100 %, in Western or Arabic-Indic digits (Intl's choice for ar).
  expect(await result.textContent()).toMatch(/100|١٠٠/);
  expect(await result.textContent()).toMatch(ARABIC);
  expect(await htmlAttributes()).toEqual({ lang: "ar", dir: "rtl" });
  await expectAccessible(page, "a graded quiz in Arabic (RTL)");
});
