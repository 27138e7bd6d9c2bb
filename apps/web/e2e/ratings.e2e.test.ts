import { randomUUID } from "node:crypto";
import { type CoursePlan, ensureCourse } from "@lumen/tools/api-client";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { sessionAs } from "./learning-course";
import { signedInPage } from "./peer-review-steps";
import { type Stack, startStack } from "./stack";

// Issue 18 in a real browser: a learner who finished a course rates it on the course page
// (stars and a Markdown review); the catalog card shows the new average and count, and the
// "rating" sort — served by the edge, purged after the reindex — moves the course up. axe on
// the course page before and after rating. Then a learner who finishes a course in the lesson
// player gets the prompt there; another reports their review, and the course's instructor
// hides it from the review moderation queue (axe on the queue).

const GRACE = {
  name: "Grace Graduate",
  email: "graduate@lumen.dev",
  password: "lumen-graduate-dev",
};
const INES = {
  name: "Ines Instructor",
  email: "instructor@lumen.dev",
  password: "lumen-instructor-dev",
};
const LEO = { name: "Leo Learner", email: "learner@lumen.dev", password: "lumen-learner-dev" };
const WORD = "Lighthouse";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 1, edge: true }), launchBrowser()]);
}, 180_000);

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-ratings"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const planOf = (title: string): CoursePlan<"lens"> => ({
  course: {
    title,
    subtitle: "Keepers, lenses and lamps.",
    description: "A short course about lighthouses: their keepers, their lenses and their lamps.",
    category: "Physical Science",
    level: "beginner",
    language: "en",
  },
  modules: [
    {
      title: "Lights",
      lessons: [
        {
          key: "lens",
          title: "The Fresnel lens",
          kind: "text",
          body: "Rings of **glass**.",
        },
      ],
    },
  ],
});

type Session = Awaited<ReturnType<typeof sessionAs>>;

/** Enrolls and completes the course's one lesson: the learner may rate it. */
async function finishCourse(learner: Session, course: { id: string; lessons: { lens?: string } }) {
  const { enrollmentId } = await learner.api.enrollment.enroll.mutate({ courseId: course.id });
  await learner.api.progress.record.mutate({
    events: [
      {
        eventId: randomUUID(),
        enrollmentId,
        lessonId: course.lessons.lens ?? "",
        watched: [],
        positionSeconds: 0,
        completed: true,
        occurredAt: Date.now(),
      },
    ],
  });
}

/** The edge's rating-sorted catalog for the two courses, as slugs. */
async function edgeOrder(): Promise<string[]> {
  const response = await fetch(`${stack.edgeUrl}/courses?query=${WORD}&sort=rating`);
  const body = (await response.json()) as { items: Array<{ slug: string; ratingCount: number }> };
  return body.items.map((item) => item.slug);
}

it("a learner who finished a course rates it; the card and the rating sort reflect it after the purge", async () => {
  const instructor = await sessionAs(stack.webUrl, INES.email, INES.password);
  const suffix = randomUUID().slice(0, 6);
  const titles = [`${WORD} keepers ${suffix}`, `${WORD} lamps ${suffix}`];
  const built = [];
  for (const title of titles)
    built.push({ ...(await ensureCourse(instructor, planOf(title))), title });
  // Both unrated: equal damped scores, so the edge lists them in id order. Grace rates the
  // one listed last, and it must move to the top.
  await expect.poll(edgeOrder, { timeout: 30_000 }).toHaveLength(2);
  const before = await edgeOrder();
  const target = built.find((c) => c.slug === before[1]);
  if (!target) throw new Error(`neither course is second in ${before.join(", ")}`);

  const grace = await sessionAs(stack.webUrl, GRACE.email, GRACE.password);
  await finishCourse(grace, target);

  const page = await signedInPage(browser, stack.webUrl, GRACE);
  await page.goto(`${stack.webUrl}/courses/${target.slug}`);
  // Finished: the once-only prompt, and the form.
  await page.getByTestId("rating-prompt").getByText("You finished this course").waitFor();
  const form = page.getByRole("form", { name: "Your rating" });
  await form.waitFor();
  await expectAccessible(page, "a course page, rating form");
  await form.getByLabel("5 stars").check();
  await form.getByLabel("Title (optional)").fill("Illuminating");
  await form.getByLabel("Review (optional)").fill("The lens chapter is **brilliant**.");
  await form.getByRole("button", { name: "Submit rating" }).click();
  await page.getByText("Thanks — your rating is saved.").waitFor();
  const review = page.getByTestId("review").filter({ hasText: "Illuminating" });
  await review.getByText("brilliant", { exact: true }).waitFor();
  expect(await review.locator("strong", { hasText: "brilliant" }).count()).toBe(1);
  await expect.poll(() => page.getByTestId("rating-count").textContent()).toBe("1 rating");
  await expectAccessible(page, "a course page, rated");

  // The catalog card (the SPA's search) shows the new average and count, and the rating sort
  // puts it first once the job runner has reindexed it (the card reads the course, the order
  // the index: each look is a fresh load, as a visitor's would be)…
  const cards = page.getByRole("region", { name: "Courses" }).getByRole("article");
  const firstCard = async () => {
    await page.goto(`${stack.webUrl}/?query=${WORD}&sort=rating`);
    await cards.first().waitFor();
    return (await cards.first().textContent()) ?? "";
  };
  await expect.poll(firstCard, { timeout: 30_000 }).toContain(target.title);
  expect(await cards.first().textContent()).toContain("5.0");
  await expectAccessible(page, "the catalog sorted by rating");
  // …and the edge, purged after the reindex, sorts it first.
  await expect.poll(edgeOrder, { timeout: 30_000 }).toEqual([target.slug, before[0]]);
  await page.close();
});

it("finishing in the player prompts to rate; an instructor opens the review queue, sees the reported review and hides it", async () => {
  const instructor = await sessionAs(stack.webUrl, INES.email, INES.password);
  const course = await ensureCourse(
    instructor,
    planOf(`Foghorn reported ${randomUUID().slice(0, 6)}`),
  );
  const grace = await sessionAs(stack.webUrl, GRACE.email, GRACE.password);
  await grace.api.enrollment.enroll.mutate({ courseId: course.id });
  // The lesson player: finishing the course there brings the rating prompt, in the page.
  const player = await signedInPage(browser, stack.webUrl, GRACE);
  await player.goto(`${stack.webUrl}/courses/${course.slug}/lessons/${course.lessons.lens}`);
  await player.getByRole("button", { name: "Mark as complete" }).click();
  const prompt = player.getByTestId("rating-prompt");
  await prompt.getByText("You finished this course").waitFor();
  await prompt.getByRole("link", { name: "Rate this course" }).click();
  await player.waitForURL(`**/courses/${course.slug}#ratings-heading`);
  await player.getByRole("form", { name: "Your rating" }).waitFor();
  await player.close();
  const { ratingId } = await grace.api.ratings.rate.mutate({
    courseId: course.id,
    stars: 1,
    title: "Cheap lamps here",
    body: "Buy my lamps at a discount instead.",
  });
  const leo = await sessionAs(stack.webUrl, LEO.email, LEO.password);
  await leo.api.ratings.report.mutate({ ratingId, reason: "Advertising, not a review" });
  // Outsiders are refused by the API, whatever the page shows them.
  await expect(grace.api.ratings.reports.query({ courseId: course.id })).rejects.toThrow();

  const page = await signedInPage(browser, stack.webUrl, INES);
  // Reachable from the instructor's course navigation.
  await page.goto(`${stack.webUrl}/teach/courses/${course.id}`);
  await page.getByRole("link", { name: "Review moderation" }).click();
  await page.waitForURL(`**/teach/courses/${course.id}/reviews`);
  const item = page.getByTestId("reported-review").filter({ hasText: "Cheap lamps here" });
  await item.getByText("Advertising, not a review").waitFor();
  expect(await item.textContent()).toContain("1 report");
  expect(await item.textContent()).toContain(LEO.name);
  await expectAccessible(page, "the review moderation queue");

  // Keyboard: focus Hide and press Enter. Hiding resolves the report, so the queue empties.
  await item.getByRole("button", { name: "Hide review" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Hide this review" });
  await dialog.getByLabel("Reason (optional)").fill("Advertising");
  await expectAccessible(page, "the review moderation queue, hide dialog");
  await dialog.getByRole("button", { name: "Hide", exact: true }).click();
  await page.getByRole("heading", { name: "No reported reviews" }).waitFor();
  await page.getByLabel("Show").selectOption("closed");
  const closed = page.getByTestId("reported-review").filter({ hasText: "Cheap lamps here" });
  await closed.getByRole("button", { name: "Restore review" }).waitFor();
  expect(await closed.textContent()).toContain("Hidden");
  await expectAccessible(page, "the review moderation queue, closed reports");
  // Hidden: out of the course's aggregate.
  const summary = await grace.api.ratings.summary.query({ courseId: course.id });
  expect(summary.count).toBe(0);
  await page.close();
});
