import type { SeedUser } from "@lumen/db/seed";
import type { Browser, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";

/**
 * Steps of the peer-review journey, by what instructors and learners see and do: the rubric is
 * built in the assignment editor, and learners grade by the radio labels every rubric form
 * shares ("Fair — 2 points", in a group named by the criterion).
 */

/** Two criteria, levels lowest first; Style asks reviewers to explain their choice. */
export const RUBRIC = {
  argument: { title: "Argument", levels: { Weak: 0, Fair: 2, Strong: 4 } },
  style: { title: "Style", levels: { Rough: 0, Clear: 1, Elegant: 2 } },
} as const;
export const MAX_POINTS = 6;

/** A grade by the rubric: a level of each criterion. */
export interface Scores {
  argument: keyof typeof RUBRIC.argument.levels;
  style: keyof typeof RUBRIC.style.levels;
}

export const pointsOf = (s: Scores) => ({
  argument: RUBRIC.argument.levels[s.argument],
  style: RUBRIC.style.levels[s.style],
});

/** "Fair — 2 points", "Clear — 1 point": a level's radio label. */
export function levelLabel(criterion: keyof typeof RUBRIC, level: string): string {
  const levels: Record<string, number> = RUBRIC[criterion].levels;
  const points = levels[level] ?? 0;
  return `${level} — ${points} point${points === 1 ? "" : "s"}`;
}

/** Two learners besides the seed's two: a cohort of four. */
export const EXTRA_LEARNERS: SeedUser[] = [
  {
    id: "e2e-peer-mara",
    name: "Mara Mendes",
    email: "mara@lumen.dev",
    password: "lumen-mara-e2e",
    role: "learner",
  },
  {
    id: "e2e-peer-tomas",
    name: "Tomas Okafor",
    email: "tomas@lumen.dev",
    password: "lumen-tomas-e2e",
    role: "learner",
  },
];

/** A learner who submits after every review is given: staff grade their work. */
export const LATE_LEARNER: SeedUser = {
  id: "e2e-peer-ravi",
  name: "Ravi Patel",
  email: "ravi@lumen.dev",
  password: "lumen-ravi-e2e",
  role: "learner",
};

export const LETTERS = ["A", "B", "C", "D"] as const;
export type Letter = (typeof LETTERS)[number];

/** The cohort: the seed's two learners and two added ones; learner X writes essay X. */
export const LEARNERS: Record<Letter, { name: string; email: string; password: string }> = {
  A: { name: "Leo Learner", email: "learner@lumen.dev", password: "lumen-learner-dev" },
  B: { name: "Grace Graduate", email: "graduate@lumen.dev", password: "lumen-graduate-dev" },
  C: EXTRA_LEARNERS[0] as (typeof EXTRA_LEARNERS)[number],
  D: EXTRA_LEARNERS[1] as (typeof EXTRA_LEARNERS)[number],
};

export const EXAMPLE_GRADE: Scores = { argument: "Fair", style: "Clear" };

/**
 * What each reviewer gives each essay, whichever "Review next" hands them: chosen so the
 * medians differ (A 4+1, B 2+2, C 0+1, D 4+2), and C's is low enough to flag.
 */
export const GIVES: Record<Letter, Partial<Record<Letter, Scores>>> = {
  A: {
    B: { argument: "Fair", style: "Elegant" },
    C: { argument: "Weak", style: "Clear" },
    D: { argument: "Strong", style: "Elegant" },
  },
  B: {
    A: { argument: "Strong", style: "Elegant" },
    C: { argument: "Fair", style: "Rough" },
    D: { argument: "Strong", style: "Elegant" },
  },
  C: {
    A: { argument: "Strong", style: "Clear" },
    B: { argument: "Weak", style: "Elegant" },
    D: { argument: "Fair", style: "Elegant" },
  },
  D: {
    A: { argument: "Fair", style: "Rough" },
    B: { argument: "Strong", style: "Clear" },
    C: { argument: "Weak", style: "Elegant" },
  },
};

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** A page of its own (its own cookies) signed in as `email`, once its name shows. */
export async function signedInPage(
  browser: Browser,
  webUrl: string,
  user: { email: string; password: string; name: string },
): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${webUrl}/sign-in`);
  await signIn(page, user.email, user.password);
  await page.getByText(user.name).first().waitFor();
  return page;
}

/**
 * Builds the assignment in its open editor (`row`): the prompt, settings, a two-criterion
 * rubric typed with the editor's own buttons (a save with unnamed levels is refused with focus
 * on the first), one calibration example graded by the instructor; saved.
 */
export async function buildAssignment(
  row: Locator,
  input: { prompt: string; example: string; exampleGrade: Scores; passingPercent: number },
) {
  const page = row.page();
  // The checklist's Fix put focus on the prompt: type straight away.
  await page.keyboard.type(input.prompt);
  await row.getByLabel("Reviews each learner gives").fill("3");
  await row.getByLabel("Reviews each submission needs").fill("3");
  await row.getByLabel("Passing score (%)").fill(String(input.passingPercent));
  expect(await row.getByLabel("Allow file attachments").isChecked()).toBe(true);

  await row.getByRole("button", { name: "Add criterion" }).click();
  await expect.poll(() => focusedId(page)).toMatch(/^criterion-.*-title$/);
  await page.keyboard.type(RUBRIC.argument.title);
  await row.getByRole("button", { name: "Save assignment" }).click();
  await row.getByText("Name every level.").first().waitFor();
  await expect.poll(() => focusedId(page)).toMatch(/^level-.*-label$/);
  await expectAccessible(page, "assignment editor with errors");

  const names = row.getByLabel("Level name");
  const points = row.getByLabel("Points", { exact: true });
  await names.nth(0).fill("Weak");
  await names.nth(1).fill("Fair");
  await points.nth(1).fill("2");
  await row.getByRole("button", { name: "Add level to criterion “Argument”" }).click();
  await expect.poll(() => isFocused(names.nth(2))).toBe(true);
  await page.keyboard.type("Strong");
  await points.nth(2).fill("4");

  await row.getByRole("button", { name: "Add criterion" }).click();
  await expect.poll(() => isFocused(row.getByLabel("Criterion title").nth(1))).toBe(true);
  await page.keyboard.type(RUBRIC.style.title);
  await names.nth(3).fill("Rough");
  await names.nth(4).fill("Clear");
  await row.getByRole("button", { name: "Add level to criterion “Style”" }).click();
  // Typed only once the new level has focus: keys sent before that land elsewhere ("nt").
  await expect.poll(() => isFocused(names.nth(5))).toBe(true);
  await page.keyboard.type("Elegant");
  await row.getByLabel("Comment required: reviewers explain the level they chose").nth(1).check();
  await row.getByRole("button", { name: "Move criterion “Style” up" }).click();
  await row.getByRole("button", { name: "Move criterion “Style” down" }).click();
  await expect
    .poll(() =>
      row
        .getByLabel("Criterion title")
        .evaluateAll((els) => els.map((el) => (el instanceof HTMLInputElement ? el.value : ""))),
    )
    .toEqual([RUBRIC.argument.title, RUBRIC.style.title]);

  await row.getByRole("button", { name: "Add calibration example" }).click();
  await expect.poll(() => focusedId(page)).toMatch(/^example-.*-body$/);
  await page.keyboard.type(input.example);
  const grade = row.getByRole("group", { name: "Your grade for example 1" });
  await gradeBy(grade, input.exampleGrade, "The example is plain but clear.");
  await row.getByRole("button", { name: "Save assignment" }).click();
  await row.getByText("Saved", { exact: true }).waitFor();
  await expectAccessible(page, "assignment editor, saved");
}

/** Chooses a level of each criterion in `scope` (a form or group holding both pickers). */
export async function gradeBy(scope: Locator, scores: Scores, styleComment: string) {
  const argument = scope.getByRole("group", { name: RUBRIC.argument.title, exact: true });
  const style = scope.getByRole("group", { name: RUBRIC.style.title, exact: true });
  await argument.getByLabel(levelLabel("argument", scores.argument), { exact: true }).check();
  await style.getByLabel(levelLabel("style", scores.style), { exact: true }).check();
  await style.getByLabel("Comment on Style").fill(styleComment);
}

/** The learner's assignment lesson, reached from the course page: enroll, then start. */
export async function enrollAndOpen(page: Page, webUrl: string, slug: string, lesson: string) {
  await page.goto(`${webUrl}/courses/${slug}`);
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("link", { name: "Start the course" }).click();
  await page.getByRole("heading", { level: 1, name: lesson }).waitFor();
  await page.getByRole("list", { name: "Your progress on this assignment" }).waitFor();
}

export async function submitWork(page: Page, text: string) {
  await page.getByLabel("Your work").fill(text);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await page.getByText("You can revise until a reviewer starts reviewing it.").waitFor();
}

/** Practice on the instructor's example, graded as the instructor did: 100 % close. */
export async function practise(page: Page, scores: Scores) {
  const practice = page.getByRole("form", { name: "Grade example 1" });
  await gradeBy(practice, scores, "Clear enough.");
  await practice.getByRole("button", { name: "Check my grading" }).click();
  await page.getByText("You were 100 % close to the instructor's grading.").waitFor();
}

/** The form of the submission "Review next" leased, and the essay's letter its text names. */
export async function leaseNext(page: Page, button = "Review next") {
  await page.getByRole("button", { name: button, exact: true }).click();
  const form = page.getByRole("form", { name: "Submission to review" });
  const essay = form.getByText(/^Essay [A-D]\./);
  await essay.waitFor();
  const letter = /^Essay ([A-D])\./.exec((await essay.textContent()) ?? "")?.[1];
  if (!letter) throw new Error("the leased submission names no essay");
  return { form, letter };
}

/** Sends a review and waits for the count it reports. */
export async function sendReview(page: Page, form: Locator, given: number) {
  await form.getByRole("button", { name: "Submit review" }).click();
  await page.getByText(`Review submitted — ${given} of 3 given.`).waitFor();
}

/** The median of three numbers, as the grade takes it per criterion. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** "Your grade" on the learner's page: the total and each criterion's line. */
export async function expectGrade(
  page: Page,
  grade: { total: number; argument: number; style: number; by: "Median" | "Instructor's grade" },
) {
  const report = page.getByRole("region", { name: "Your grade" });
  await report.getByText(`${grade.total} of ${MAX_POINTS} points`).waitFor();
  const line = (title: string) =>
    report.getByRole("listitem").filter({ hasText: new RegExp(`^${title}`) });
  expect(await line(RUBRIC.argument.title).textContent()).toContain(
    `${grade.by}: ${grade.argument} of 4 points`,
  );
  expect(await line(RUBRIC.style.title).textContent()).toContain(
    `${grade.by}: ${grade.style} of 2 points`,
  );
  return report;
}

/** Flags a review of the learner's work as unfair, refused first without a reason. */
export async function flagReview(
  page: Page,
  reviewer: string,
  reason: string,
  checkErrors = false,
) {
  const card = page.getByRole("article", { name: reviewer });
  await card.getByRole("button", { name: "Flag as unfair" }).click();
  const dialog = page.getByRole("dialog");
  if (checkErrors) {
    await dialog.getByRole("button", { name: "Send flag" }).click();
    await dialog.getByText("Say what is unfair about this review.").waitFor();
    await expectAccessible(page, "assignment, flag dialog");
  }
  await dialog.getByLabel("What is unfair about this review?").fill(reason);
  await dialog.getByRole("button", { name: "Send flag" }).click();
  await card.getByText("Flagged — staff will look at it.").waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(reviewer);
  return card;
}
