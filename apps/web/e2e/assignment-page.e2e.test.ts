import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Session, sessionAs } from "./learning-course";
import { type Stack, startStack } from "./stack";

// The learner's assignment page in a real browser: each stage is reachable by the names the
// peer-review journey uses, and passes axe. Two learners: one through the page, one by API.

let stack: Stack;
let browser: Browser;
let page: Page;

const level = (label: string, points: number) => ({
  id: randomUUID(),
  label,
  description: `${label} work`,
  points,
});
const RUBRIC = [
  {
    id: randomUUID(),
    title: "Argument",
    description: "Is the claim supported?",
    commentRequired: false,
    levels: [level("Missing", 0), level("Partial", 2), level("Convincing", 4)],
  },
  {
    id: randomUUID(),
    title: "Clarity",
    description: "Can a reader follow it?",
    commentRequired: true,
    levels: [level("Unclear", 0), level("Clear", 2)],
  },
];
const pick = (points: number[]) =>
  RUBRIC.map((c, i) => ({
    criterionId: c.id,
    levelId: c.levels.find((l) => l.points === points[i])?.id ?? "",
    comment: "Fine.",
  }));

async function buildCourse(instructor: Session) {
  const { api } = instructor;
  const course = await api.authoring.createCourse.mutate({
    title: `Essays Under Review ${Date.now().toString(36)}`,
    subtitle: "Write one essay and review a classmate's.",
    description: "A course of one peer-reviewed essay, graded by the median of its reviews.",
    category: "Arts and Humanities",
    level: "beginner",
    language: "en",
  });
  const module = await api.authoring.addModule.mutate({ courseId: course.id, title: "Essays" });
  const { moduleId } = module;
  await api.authoring.addLesson.mutate({ moduleId, title: "Argue a point", kind: "assignment" });
  const built = await api.authoring.getCourse.query({ courseId: course.id });
  const lessonId = built.modules[0]?.lessons[0]?.id ?? "";
  await api.authoring.updateLesson.mutate({
    lessonId,
    body: "Argue **one** point in a short essay.",
  });
  await api.assignment.save.mutate({
    lessonId,
    rubric: RUBRIC,
    examples: [{ body: "An example essay to practise on.", scores: pick([2, 2]) }],
    settings: {
      allowAttachments: true,
      reviewsToGive: 1,
      reviewsNeeded: 1,
      dueAt: null,
      reviewWindowHours: 168,
      reviewsCloseAt: null,
      leaseMinutes: 480,
      fallback: "grade_available",
      weightByCalibration: false,
      passingPercent: 50,
      requiredForCertificate: true,
    },
  });
  await api.authoring.publish.mutate({ courseId: course.id });
  return { courseId: course.id, slug: built.slug, lessonId };
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
}, 180_000);

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-assignment-e2e"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("a learner submits, revises, practises, reviews a classmate, sees the grade and flags a review", async () => {
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const { courseId, slug, lessonId } = await buildCourse(instructor);
  const other = await sessionAs(stack.webUrl, "graduate@lumen.dev", "lumen-graduate-dev");
  await other.api.enrollment.enroll.mutate({ courseId });
  await other.api.assignment.submit.mutate({ lessonId, body: "The classmate's essay." });

  // An editor previews: the prompt and rubric, and who may submit.
  const editor = await browser.newPage();
  await editor.goto(`${stack.webUrl}/sign-in`);
  await signIn(editor, "instructor@lumen.dev", "lumen-instructor-dev");
  await editor.getByText("Ines Instructor").first().waitFor();
  await editor.goto(`${stack.webUrl}/courses/${slug}/lessons/${lessonId}`);
  await editor.getByText("Only enrolled learners submit work").waitFor();
  await editor.getByRole("heading", { name: "Rubric" }).waitFor();
  await expectAccessible(editor, "assignment, an editor's preview");
  await editor.close();

  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByText("Leo Learner").first().waitFor();
  const learner = await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  await learner.api.enrollment.enroll.mutate({ courseId });

  await page.goto(`${stack.webUrl}/courses/${slug}/lessons/${lessonId}`);
  const steps = page.getByRole("list", { name: "Your progress on this assignment" });
  await steps.waitFor();
  await page.getByRole("heading", { name: "Rubric" }).waitFor();
  await expectAccessible(page, "assignment, before submitting");

  await page.getByRole("group", { name: "Attachments" }).waitFor();
  await page.getByLabel("Your work").fill("My **first** draft.");
  await page.getByRole("button", { name: "Show preview" }).click();
  await page.getByRole("region", { name: "Preview" }).getByText("first").waitFor();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.getByText("You can revise until a reviewer starts reviewing it.").waitFor();
  expect(await steps.getByRole("listitem").nth(1).textContent()).toContain("0 of 1 given");
  await page.getByRole("button", { name: "Revise" }).click();
  await page.getByLabel("Your work").fill("My revised essay.");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.getByText("Your revision is saved; reviewers will read this version.").waitFor();
  await expectAccessible(page, "assignment, submitted, practice grading");

  // Practice grading on the instructor's example, then how close it came.
  const practice = page.getByRole("form", { name: "Grade example 1" });
  await practice.getByRole("group", { name: "Argument" }).getByLabel("Partial — 2 points").check();
  await practice.getByRole("group", { name: "Clarity" }).getByLabel("Clear — 2 points").check();
  await practice.getByLabel("Comment on Clarity").fill("Easy to follow.");
  await practice.getByRole("button", { name: "Check my grading" }).click();
  await page.getByText("You were 100 % close to the instructor's grading.").waitFor();

  await page.getByRole("button", { name: "Review next" }).click();
  const review = page.getByRole("form", { name: "Submission to review" });
  await review.getByText("The classmate's essay.").waitFor();
  await review.getByText("No files attached.").waitFor();
  await review.getByRole("button", { name: "Submit review" }).click();
  await review.getByText("Choose a level for “Argument”.").waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("radio");
  await expectAccessible(page, "assignment, reviewing with errors");
  await review.getByRole("group", { name: "Argument" }).getByLabel("Convincing — 4 points").check();
  await review.getByRole("group", { name: "Clarity" }).getByLabel("Clear — 2 points").check();
  await review.getByRole("button", { name: "Submit review" }).click();
  await review.getByText("Explain your choice for “Clarity”.").waitFor();
  await review.getByLabel("Comment on Clarity").fill("Reads well.");
  await review.getByRole("button", { name: "Submit review" }).click();
  await page.getByText("Review submitted — 1 of 1 given.", { exact: false }).waitFor();
  await page.getByRole("button", { name: "Review another" }).waitFor();

  // The classmate reviews the learner's work: one review is all it needs.
  const lease = await other.api.assignment.reviewNext.mutate({ lessonId });
  await other.api.assignment.calibrate.mutate({
    exampleId:
      (await other.api.assignment.take.query({ lessonId })).calibration.examples[0]?.id ?? "",
    scores: pick([2, 2]),
  });
  const leased = lease.lease ?? (await other.api.assignment.reviewNext.mutate({ lessonId })).lease;
  if (!leased) throw new Error("the classmate got nothing to review");
  await other.api.assignment.review.mutate({ reviewId: leased.reviewId, scores: pick([2, 0]) });

  await page.reload();
  await page.getByRole("heading", { name: "Your grade" }).waitFor();
  await page.getByText("2 of 6 points").waitFor();
  await expectAccessible(page, "assignment, graded");
  const card = page.getByRole("article", { name: "Reviewer 1" });
  await card.getByRole("button", { name: "Flag as unfair" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Send flag" }).click();
  await dialog.getByText("Say what is unfair about this review.").waitFor();
  await expectAccessible(page, "assignment, flag dialog");
  await dialog.getByLabel("What is unfair about this review?").fill("It ignores my argument.");
  await dialog.getByRole("button", { name: "Send flag" }).click();
  await card.getByText("Flagged — staff will look at it.").waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Reviewer 1");
  await expectAccessible(page, "assignment, flagged");
});
