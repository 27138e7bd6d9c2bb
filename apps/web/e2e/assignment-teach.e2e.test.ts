import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Session, sessionAs } from "./learning-course";
import { type Stack, startStack } from "./stack";

// The instructor's side of peer-reviewed assignments in a real browser: the publish checklist
// leads to the assignment's prompt, the rubric is built and saved with the keyboard's buttons
// (errors focused on their fields), and staff grade a submission in the backlog, then
// override that grade. Learners' steps go through the API here.

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 1 }), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByText("Ines Instructor").first().waitFor();
}, 180_000);

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-assignment-teach"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("an instructor builds an assignment, a learner submits, staff grade and override it in the backlog", async () => {
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const { id: courseId } = await instructor.api.authoring.createCourse.mutate({
    title: "Writing about bridges",
    subtitle: "One essay, reviewed by peers.",
    description:
      "A short course with one peer-reviewed essay about a bridge you like, graded by a two-criterion rubric.",
    category: "Physical Science",
    level: "beginner",
    language: "en",
  });
  const { moduleId } = await instructor.api.authoring.addModule.mutate({
    courseId,
    title: "Essay",
  });
  const { lessonId } = await instructor.api.authoring.addLesson.mutate({
    moduleId,
    title: "Bridge essay",
    kind: "assignment",
  });

  await page.goto(`${stack.webUrl}/teach/courses/${courseId}?tab=publish`);
  await page.getByRole("button", { name: /Fix: Assignment “Bridge essay” has no prompt/ }).click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id))
    .toBe(`lesson-body-${lessonId}`);
  const row = page.getByRole("tabpanel", { name: "Outline" });
  await row
    .getByRole("textbox", { name: "Prompt", exact: true })
    .fill("Write 300 words about a bridge you like.");
  await row.getByLabel("Reviews each learner gives").fill("2");
  await row.getByLabel("Reviews each submission needs").fill("2");
  await row.getByRole("button", { name: "Add criterion" }).click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("id") ?? ""))
    .toMatch(/^criterion-.*-title$/);
  await page.keyboard.type("Argument");
  await row.getByRole("button", { name: "Save assignment" }).click();
  // Levels need names: focus goes to the first.
  await row.getByText("Name every level.").first().waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("id") ?? ""))
    .toMatch(/^level-.*-label$/);
  await expectAccessible(page, "assignment editor with errors");
  const names = row.getByLabel("Level name");
  await names.nth(0).fill("Weak");
  await names.nth(1).fill("Strong");
  await row.getByLabel("Points", { exact: true }).nth(1).fill("4");
  await row.getByRole("button", { name: "Add criterion" }).click();
  await row.getByLabel("Criterion title").nth(1).fill("Style");
  await row.getByLabel("Level name").nth(2).fill("Rough");
  await row.getByLabel("Level name").nth(3).fill("Clear");
  await row.getByRole("button", { name: "Add level to criterion “Style”" }).click();
  await page.keyboard.type("Elegant");
  await row.getByRole("button", { name: "Move criterion “Style” up" }).click();
  await row.getByRole("button", { name: "Move criterion “Style” down" }).click();
  await row.getByRole("button", { name: "Save assignment" }).click();
  await row.getByText("Saved", { exact: true }).waitFor();
  await expectAccessible(page, "assignment editor, saved");

  await instructor.api.authoring.publish.mutate({ courseId });
  const learner = await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  await learner.api.enrollment.enroll.mutate({ courseId });
  await learner.api.assignment.submit.mutate({ lessonId, body: "The **Golden Gate** is red." });

  await page.reload();
  await page.getByRole("tab", { name: "Outline" }).click();
  await page.getByRole("button", { name: "Edit lesson “Bridge essay”" }).click();
  await page.getByRole("link", { name: /Reviews backlog/ }).click();
  await page.getByRole("heading", { level: 1, name: "Reviews: Bridge essay" }).waitFor();
  await page.getByRole("img", { name: "1 submission: 1 waiting." }).waitFor();
  await expectAccessible(page, "reviews backlog");
  await page.getByRole("button", { name: /Open submission/ }).click();
  await page.getByText("The Golden Gate is red.").waitFor();
  await page.getByRole("button", { name: "Grade submission" }).click();
  await page.getByText("Choose a level for “Argument”.").waitFor();
  await page.getByRole("group", { name: "Argument" }).getByLabel("Strong — 4 points").check();
  await page.getByRole("group", { name: "Style" }).getByLabel("Clear — 1 point").check();
  await expectAccessible(page, "staff grade form");
  await page.getByRole("button", { name: "Grade submission" }).click();
  await page.getByText("Graded: 83 %.").waitFor();
  await page.getByRole("button", { name: "Override grade" }).waitFor();
  await page
    .getByText("This replaces the current grade; the learner will see your note.")
    .waitFor();
  await page.getByRole("img", { name: "1 submission: 1 graded." }).waitFor();
  await expectAccessible(page, "override form");
}, 180_000);

it("a flagged peer review waits in the backlog until staff keep the grade; the started rubric is locked in the editor", async () => {
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const { id: courseId } = await instructor.api.authoring.createCourse.mutate({
    title: "Reviewing each other",
    subtitle: "Two learners, one review each.",
    description:
      "A short course where two learners review each other's paragraph by a one-criterion rubric.",
    category: "Physical Science",
    level: "beginner",
    language: "en",
  });
  const { moduleId } = await instructor.api.authoring.addModule.mutate({
    courseId,
    title: "Write",
  });
  const { lessonId } = await instructor.api.authoring.addLesson.mutate({
    moduleId,
    title: "One paragraph",
    kind: "assignment",
  });
  await instructor.api.authoring.updateLesson.mutate({ lessonId, body: "Write one paragraph." });
  const criterion = { id: randomUUID(), low: randomUUID(), high: randomUUID() };
  await instructor.api.assignment.save.mutate({
    lessonId,
    settings: {
      allowAttachments: false,
      reviewsToGive: 1,
      reviewsNeeded: 1,
      dueAt: null,
      reviewWindowHours: 48,
      reviewsCloseAt: null,
      leaseMinutes: 60,
      fallback: "staff",
      weightByCalibration: false,
      passingPercent: 50,
      requiredForCertificate: false,
    },
    rubric: [
      {
        id: criterion.id,
        title: "Clarity",
        description: "",
        commentRequired: false,
        levels: [
          { id: criterion.low, label: "Unclear", description: "", points: 0 },
          { id: criterion.high, label: "Clear", description: "", points: 2 },
        ],
      },
    ],
    examples: [],
  });
  await instructor.api.authoring.publish.mutate({ courseId });
  const learners: Session[] = [
    await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev"),
    await sessionAs(stack.webUrl, "graduate@lumen.dev", "lumen-graduate-dev"),
  ];
  for (const [i, learner] of learners.entries()) {
    await learner.api.enrollment.enroll.mutate({ courseId });
    await learner.api.assignment.submit.mutate({ lessonId, body: `Paragraph ${i + 1}.` });
  }
  for (const learner of learners) {
    const next = await learner.api.assignment.reviewNext.mutate({ lessonId });
    if (!next.lease) throw new Error(`no lease: ${next.reason}`);
    await learner.api.assignment.review.mutate({
      reviewId: next.lease.reviewId,
      scores: [{ criterionId: criterion.id, levelId: criterion.low, comment: "Unclear." }],
    });
  }
  const mine = await learners[0]?.api.assignment.take.query({ lessonId });
  const review = mine?.reviews[0];
  if (!review) throw new Error("the first learner has no review to flag");
  await learners[0]?.api.assignment.flag.mutate({
    reviewId: review.reviewId,
    reason: "It is clear.",
  });

  await page.goto(`${stack.webUrl}/teach/courses/${courseId}/assignments/${lessonId}`);
  await page.getByRole("img", { name: "2 submissions: 1 graded, 1 flagged." }).waitFor();
  const flagged = page.getByRole("region", { name: "Flagged reviews" });
  await flagged.getByText("It is clear.").waitFor();
  await expectAccessible(page, "backlog with a flagged review");
  await flagged.getByRole("button", { name: "Keep the grade" }).click();
  await flagged.getByText("Grade kept").waitFor();
  await page.getByRole("img", { name: "2 submissions: 2 graded." }).waitFor();

  await page.goto(`${stack.webUrl}/teach/courses/${courseId}?tab=outline`);
  await page.getByRole("button", { name: "Edit lesson “One paragraph”" }).click();
  await page.getByText("Reviews have started, so criteria, levels and points").waitFor();
  expect(await page.getByRole("button", { name: "Add criterion" }).count()).toBe(0);
  expect(await page.getByLabel("Points", { exact: true }).first().getAttribute("readonly")).toBe(
    "",
  );
  await page.getByLabel("Criterion title").fill("Clarity of the paragraph");
  await page.getByRole("button", { name: "Save assignment" }).click();
  await page.getByText("Saved", { exact: true }).waitFor();
  await expectAccessible(page, "assignment editor with a locked rubric");
}, 180_000);
