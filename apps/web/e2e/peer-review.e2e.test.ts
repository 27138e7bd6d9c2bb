import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { addLesson } from "./authoring-learning-steps";
import { publish, signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { sessionAs } from "./learning-course";
import {
  buildAssignment,
  EXAMPLE_GRADE,
  EXTRA_LEARNERS,
  enrollAndOpen,
  expectGrade,
  flagReview,
  GIVES,
  gradeBy,
  LATE_LEARNER,
  LEARNERS,
  LETTERS,
  type Letter,
  leaseNext,
  median,
  pointsOf,
  practise,
  type Scores,
  sendReview,
  signedInPage,
  submitWork,
} from "./peer-review-steps";
import { type Stack, startStack } from "./stack";

// The "done means", in a real browser: an instructor builds an assignment with a
// two-criterion rubric in the editor and publishes it; four learners submit; each reviews
// three others through "Review next"; all four see the median of their reviews as their grade;
// one flags a review and the instructor overrides the grade, another's flag is kept, and staff
// grade a late essay nobody was left to review; the started rubric is then locked in the
// editor. Every state on the way passes axe. One journey, one stack: each stack costs ~20 s.

const LESSON = "Bridge essay";
let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ courses: 1, users: [...EXTRA_LEARNERS, LATE_LEARNER] }),
    launchBrowser(),
  ]);
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByText("Ines Instructor").first().waitFor();
}, 180_000);

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-peer-review"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("an instructor builds a two-criterion assignment; four learners submit and review three each; each grade is the median of its reviews; staff grade a late essay, override one flagged grade and keep another", async () => {
  // The course's shell by API (the authoring journey builds one in the browser); the
  // assignment lesson, its rubric and the publishing in the editor.
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
  await instructor.api.authoring.addModule.mutate({ courseId, title: "Essay" });
  const { slug } = await instructor.api.authoring.getCourse.query({ courseId });

  await page.goto(`${stack.webUrl}/teach/courses/${courseId}?tab=outline`);
  const outline = page.getByRole("tabpanel", { name: "Outline" });
  const row = await addLesson(outline, LESSON, "Assignment");
  await row.getByRole("heading", { name: "Assignment", exact: true }).waitFor();
  // The checklist's Fix leads to the prompt.
  await page.getByRole("tab", { name: /Publish/ }).click();
  await page
    .getByRole("button", { name: new RegExp(`^Fix\\W+Assignment “${LESSON}” has no prompt`) })
    .click();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id ?? ""))
    .toMatch(/^lesson-body-/);
  const lessonId = (await page.evaluate(() => document.activeElement?.id ?? "")).slice(
    "lesson-body-".length,
  );
  await buildAssignment(row, {
    prompt: "Write **300 words** about a bridge you like, and argue why it is beautiful.",
    example: "Example. The Tower Bridge opens for ships, which is clever.",
    exampleGrade: EXAMPLE_GRADE,
    passingPercent: 50,
  });
  await publish(page);

  // Editors preview the lesson as learners see it, without the forms.
  await page.goto(`${stack.webUrl}/courses/${slug}/lessons/${lessonId}`);
  await page.getByText("Only enrolled learners submit work").waitFor();
  await page.getByRole("heading", { name: "Rubric" }).waitFor();
  await expectAccessible(page, "assignment, an editor's preview");

  // Four learners, each in a page of their own, enroll and submit; A previews and revises.
  const pages = {} as Record<Letter, Page>;
  for (const letter of LETTERS) {
    pages[letter] = await signedInPage(browser, stack.webUrl, LEARNERS[letter]);
    await enrollAndOpen(pages[letter], stack.webUrl, slug, LESSON);
  }
  const a = pages.A;
  await a.getByRole("heading", { name: "Rubric" }).waitFor();
  await a.getByRole("group", { name: "Attachments" }).waitFor();
  await expectAccessible(a, "assignment, before submitting");
  await a.getByLabel("Your work").fill("Essay A, a **first** draft.");
  await a.getByRole("button", { name: "Show preview" }).click();
  await a.getByRole("region", { name: "Preview" }).getByText("first").waitFor();
  await a.getByRole("button", { name: "Submit", exact: true }).click();
  await a.getByText("You can revise until a reviewer starts reviewing it.").waitFor();
  const steps = a.getByRole("list", { name: "Your progress on this assignment" });
  expect(await steps.getByRole("listitem").nth(1).textContent()).toContain("0 of 3 given");
  await a.getByRole("button", { name: "Revise" }).click();
  await submitWork(a, "Essay A. The Golden Gate is red so that ships see it in the fog.");
  await a.getByText("Your revision is saved; reviewers will read this version.").waitFor();
  await submitWork(pages.B, "Essay B. The Millau Viaduct stands above the clouds.");
  await submitWork(pages.C, "Essay C. A bridge is a bridge.");
  await submitWork(pages.D, "Essay D. The Charles Bridge has carried people for 600 years.");

  // Practice on the instructor's example comes first: review next waits for it.
  await a
    .getByText("Grade the practice examples above first; then you can review others.")
    .waitFor();
  await expectAccessible(a, "assignment, submitted, practice grading");
  for (const letter of LETTERS) await practise(pages[letter], EXAMPLE_GRADE);

  // Reviews, one learner's three after another's: the matching (fewest live reviews, then the
  // oldest) finds each of them three essays that way (round-robin could leave the last
  // reviewer nothing). Four learners giving three each: every essay is reviewed by all three
  // classmates, in whatever order "Review next" hands them out.
  const received: Record<Letter, Scores[]> = { A: [], B: [], C: [], D: [] };
  for (const reviewer of LETTERS) {
    const learner = pages[reviewer];
    for (let n = 1; n <= 3; n++) {
      const { form, letter: author } = await leaseNext(learner);
      const scores = GIVES[reviewer][author as Letter];
      if (!scores) throw new Error(`${reviewer} was given their own essay`);
      if (reviewer === "A" && n === 1) {
        // Refused in the browser, on the first criterion left without a level, then the comment.
        await form.getByText("No files attached.").waitFor();
        await form.getByRole("button", { name: "Submit review" }).click();
        await form.getByText("Choose a level for “Argument”.").waitFor();
        // Focus moves to the first criterion left without a level once the errors render.
        await expect
          .poll(() => learner.evaluate(() => document.activeElement?.getAttribute("type")))
          .toBe("radio");
        await expectAccessible(learner, "assignment, reviewing with errors");
        await gradeBy(form, scores, "");
        await form.getByRole("button", { name: "Submit review" }).click();
        await form.getByText("Explain your choice for “Style”.").waitFor();
      }
      await gradeBy(form, scores, `Essay ${author}: the style earns ${scores.style}.`);
      await sendReview(learner, form, n);
      received[author as Letter].push(scores);
    }
    await learner.getByRole("button", { name: "Review another" }).waitFor();
  }
  expect(Object.values(received).map((r) => r.length)).toEqual([3, 3, 3, 3]);

  // Each learner's grade: per criterion the median of the three reviews, summed.
  const expected = {} as Record<Letter, { argument: number; style: number; total: number }>;
  for (const letter of LETTERS) {
    const given = received[letter].map(pointsOf);
    const argument = median(given.map((p) => p.argument));
    const style = median(given.map((p) => p.style));
    expected[letter] = { argument, style, total: argument + style };
    await pages[letter].reload();
    const report = await expectGrade(pages[letter], { ...expected[letter], by: "Median" });
    await report.getByText("Graded from the median of 3 peer reviews.").waitFor();
    await pages[letter]
      .getByText("Your submission has been graded, so it can no longer change.")
      .waitFor();
  }
  expect(Object.values(expected).map((e) => e.total)).toEqual([5, 4, 1, 6]);
  await expectAccessible(pages.C, "assignment, graded");

  // C flags a review (a reason is asked for first); A flags one too.
  await flagReview(pages.C, "Reviewer 1", "It ignores my argument entirely.", true);
  await expectAccessible(pages.C, "assignment, flagged");
  await flagReview(pages.A, "Reviewer 1", "Too harsh on my style.");

  // A late learner submits (by API) once every review is given: no reviewer is left for it.
  const late = await sessionAs(stack.webUrl, LATE_LEARNER.email, LATE_LEARNER.password);
  await late.api.enrollment.enroll.mutate({ courseId });
  await late.api.assignment.submit.mutate({
    lessonId,
    body: "Essay E. The Øresund Bridge turns into a tunnel halfway.",
  });

  // The instructor's backlog: staff grade the late essay, keep A's grade, override C's.
  await page.goto(`${stack.webUrl}/teach/courses/${courseId}?tab=outline`);
  await page.getByRole("button", { name: `Edit lesson “${LESSON}”` }).click();
  await page.getByRole("link", { name: /Reviews backlog/ }).click();
  await page.getByRole("heading", { level: 1, name: `Reviews: ${LESSON}` }).waitFor();
  const chart = (summary: string) => page.getByRole("img", { name: `5 submissions: ${summary}.` });
  await chart("1 waiting, 2 graded, 2 flagged").waitFor();
  await expectAccessible(page, "backlog with flagged reviews");

  await page.getByRole("button", { name: `Open submission by ${LATE_LEARNER.name}` }).click();
  await page.getByRole("heading", { name: `Submission by ${LATE_LEARNER.name}` }).waitFor();
  const staffGrade = page.getByRole("form", { name: "Grade this submission" });
  await staffGrade.getByRole("button", { name: "Grade submission" }).click();
  await staffGrade.getByText("Choose a level for “Argument”.").waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("type")))
    .toBe("radio");
  await expectAccessible(page, "staff grade form with errors");
  await gradeBy(staffGrade, { argument: "Strong", style: "Clear" }, "Clear and to the point.");
  await staffGrade.getByRole("button", { name: "Grade submission" }).click();
  await page.getByText("Graded: 83 %.").waitFor();
  await chart("3 graded, 2 flagged").waitFor();
  const flagged = page.getByRole("region", { name: "Flagged reviews" });
  const flagOf = (letter: Letter) =>
    flagged.getByRole("listitem").filter({ hasText: LEARNERS[letter].name });
  await flagOf("A").getByText("Too harsh on my style.").waitFor();
  await flagOf("A").getByRole("button", { name: "Keep the grade" }).click();
  await flagOf("A").getByText("Grade kept").waitFor();
  await chart("4 graded, 1 flagged").waitFor();

  await flagOf("C").getByText("It ignores my argument entirely.").waitFor();
  await flagOf("C").getByRole("button", { name: "Open the submission" }).click();
  await page.getByRole("heading", { name: `Submission by ${LEARNERS.C.name}` }).waitFor();
  await page.getByText("Essay C. A bridge is a bridge.").waitFor();
  const override = page.getByRole("form", { name: "Override the grade" });
  await override
    .getByText("This replaces the peer grade; the learner will see your note.")
    .waitFor();
  const regrade: Scores = { argument: "Fair", style: "Clear" };
  await gradeBy(override, regrade, "Short, but every sentence is plain.");
  const note = "Reviewer 1 missed your argument: the bridge connects, so it is a bridge.";
  await override.getByLabel("Note to the learner").fill(note);
  await expectAccessible(page, "override form");
  await override.getByRole("button", { name: "Override grade" }).click();
  await override.getByText("Grade overridden: 50 %.").waitFor();
  await chart("5 graded").waitFor();
  await flagOf("C").getByText("Grade overridden").waitFor();

  // C sees the override, its note and the new total; the reviews no longer count.
  const c = pages.C;
  await c.reload();
  const report = await expectGrade(c, {
    total: pointsOf(regrade).argument + pointsOf(regrade).style,
    ...pointsOf(regrade),
    by: "Instructor's grade",
  });
  await report
    .getByText("An instructor graded your submission; this replaces the peer grade.")
    .waitFor();
  await report.getByText(note).waitFor();
  await report.getByText("Passed", { exact: true }).waitFor();
  await report.getByText("These reviews no longer count toward your grade.").waitFor();
  await c
    .getByRole("article", { name: "Reviewer 1" })
    .getByText("Flagged — an instructor looked at it and graded your submission themselves.")
    .waitFor();
  await expectAccessible(c, "assignment, overridden");
  // A's grade stands, and A is told the review was kept.
  await a.reload();
  await expectGrade(a, { ...expected.A, by: "Median" });
  await a.getByText("Flagged — an instructor looked at it and kept this review.").waitFor();

  // Reviews have started: the rubric's structure is locked, its words still change.
  await page.goto(`${stack.webUrl}/teach/courses/${courseId}?tab=outline`);
  await page.getByRole("button", { name: `Edit lesson “${LESSON}”` }).click();
  await page.getByText("Reviews have started, so criteria, levels and points").waitFor();
  expect(await page.getByRole("button", { name: "Add criterion" }).count()).toBe(0);
  expect(await page.getByLabel("Points", { exact: true }).first().getAttribute("readonly")).toBe(
    "",
  );
  await page.getByLabel("Criterion title").first().fill("Argument and evidence");
  await page.getByRole("button", { name: "Save assignment" }).click();
  await page.getByText("Saved", { exact: true }).waitFor();
  await expectAccessible(page, "assignment editor with a locked rubric");
}, 420_000);
