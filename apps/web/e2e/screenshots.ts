/**
 * Captures the main pages at desktop and phone widths for a visual review:
 *   pnpm --filter @lumen/web screenshots [outDir]   (default: ./screenshots, git-ignored)
 * ONLY_AUTHORING=1 skips the learner pages; COLOR_SCHEME=dark takes them in the dark theme.
 * A failing step leaves `<viewport>-FAILED.png`.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { signIn } from "./authoring-steps";
import { launchBrowser } from "./browser";
import { coverPng } from "./cover-image";
import { startStack } from "./stack";

const outDir = resolve(process.argv[2] ?? "screenshots");
const colorScheme = process.env.COLOR_SCHEME === "dark" ? "dark" : "light";
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

await mkdir(outDir, { recursive: true });
const [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
try {
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme });
    page.setDefaultTimeout(15_000);
    const shot = (name: string) =>
      page.screenshot({ path: `${outDir}/${viewport.name}-${name}.png`, fullPage: true });
    try {
      if (!process.env.ONLY_AUTHORING)
        await learnerPages(page, shot, viewport.name === "phone" ? 4 : 2);
      await authoringPages(page, shot, viewport.name);
    } catch (error) {
      await shot("FAILED");
      console.error(`failed at ${page.url()}; see ${viewport.name}-FAILED.png\n${stack.logs()}`);
      throw error;
    } finally {
      await page.close();
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await stack.close();
}

/** `enrollIn`: which catalog card to enroll in (a different one per viewport, same learner). */
async function learnerPages(
  page: Page,
  shot: (name: string) => Promise<unknown>,
  enrollIn: number,
) {
  const cards = page.getByRole("article");
  await page.goto(`${stack.webUrl}/?query=fundamentals`);
  await cards.first().waitFor();
  await shot("search-results");
  await page.goto(`${stack.webUrl}/?query=underwater+basket+weaving&level=advanced`);
  await page.getByRole("heading", { name: /^No courses match/ }).waitFor();
  await page
    .getByRole("navigation", { name: "Popular categories" })
    .getByRole("link")
    .first()
    .waitFor();
  await shot("search-no-results");
  await page.goto(`${stack.webUrl}/?category=Data+Science`);
  await cards.first().waitFor();
  await shot("catalog-filtered");
  await page.goto(`${stack.webUrl}/`);
  await cards.first().waitFor();
  await shot("catalog");
  await cards.first().getByRole("heading").getByRole("link").click();
  await page.getByRole("heading", { name: "Course outline" }).waitFor();
  await shot("course");
  await page.goto(`${stack.webUrl}/sign-in`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Enter your email address.").waitFor();
  await page.keyboard.press("Tab");
  await shot("sign-in-errors");
  await signIn(page, "learner@lumen.dev", "lumen-learner-dev");
  await page.getByRole("link", { name: "My learning" }).waitFor();
  await page.goto(`${stack.webUrl}/`);
  await cards.nth(enrollIn).getByRole("heading").getByRole("link").click();
  await page.getByRole("button", { name: "Enroll", exact: true }).click();
  await page.getByRole("heading", { name: "You're enrolled" }).waitFor();
  await shot("course-enrolled");
  await page.getByRole("link", { name: "My learning" }).first().click();
  await page.getByRole("list", { name: "Enrolled courses" }).waitFor();
  await shot("my-learning");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).first().waitFor();
}

async function authoringPages(page: Page, shot: (name: string) => Promise<unknown>, name: string) {
  await page.goto(`${stack.webUrl}/sign-in?next=/teach`);
  await signIn(page, "instructor@lumen.dev", "lumen-instructor-dev");
  await page.getByRole("heading", { level: 1, name: "Your courses" }).waitFor();
  await page.getByRole("list", { name: "Your courses" }).getByRole("listitem").first().waitFor();
  await shot("teach-list");

  await page.getByRole("link", { name: "New course" }).click();
  await page.getByRole("button", { name: "Create course" }).click();
  await page.getByText("Choose a category.").waitFor();
  await shot("teach-new-errors");
  await page.getByLabel("Title", { exact: true }).fill(`Paper Engineering (${name})`);
  await page.getByLabel("Category", { exact: true }).selectOption("Design");
  await page.getByRole("button", { name: "Create course" }).click();
  await page.getByRole("tab", { name: "Details" }).waitFor();
  await page
    .getByLabel("Subtitle", { exact: true })
    .fill("Pop-up mechanisms for cards, books and packaging.");
  await page
    .getByRole("textbox", { name: "Description" })
    .fill(
      "## You will build\n\n- **V-folds** and *parallel folds*\n- A pop-up card\n\nSee [examples](https://example.org).",
    );
  await page.getByRole("button", { name: "Show preview" }).click();
  await page.getByLabel("Upload image").setInputFiles({
    name: "cover.png",
    mimeType: "image/png",
    buffer: coverPng(),
  });
  await page.getByRole("region", { name: "Cover image" }).locator('img[src^="/media/"]').waitFor();
  const tags = page.getByRole("textbox", { name: "Tags" });
  for (const tag of ["paper", "pop-up", "craft"]) {
    await tags.fill(tag);
    await tags.press("Enter");
  }
  await shot("editor-details");

  await page.getByRole("button", { name: "Save changes" }).click();
  await page
    .getByRole("tabpanel", { name: "Details" })
    .getByText("Saved", { exact: true })
    .waitFor();
  const preview = page.getByRole("link", { name: /Preview as learner/ }).first();
  await page.goto(`${stack.webUrl}${await preview.getAttribute("href")}`);
  await page.getByText("Draft preview.").waitFor();
  await shot("course-draft-preview");
  await page.goBack();
  await page.getByRole("tab", { name: "Outline" }).click();
  const outline = page.getByRole("tabpanel", { name: "Outline" });
  for (const module of ["Foundations", "Mechanisms"]) {
    await outline.getByLabel("New module").fill(module);
    await outline.getByRole("button", { name: "Add module" }).click();
    await outline.getByRole("heading", { level: 3, name: module }).waitFor();
    // The editor then moves focus to the new module's "New lesson" field: typing before it
    // lands would go there.
    await page.waitForFunction(() => document.activeElement?.id.startsWith("add-lesson-title-"));
  }
  const lessons = [
    ["Foundations", "Tools and paper", "text"],
    ["Foundations", "Your first V-fold", "video"],
    ["Mechanisms", "Parallel folds", "text"],
  ] as const;
  for (const [module, lesson, kind] of lessons) {
    const card = outline
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: module }) });
    await card.getByLabel("New lesson").fill(lesson);
    await card.getByLabel("Kind").selectOption(kind);
    await card.getByRole("button", { name: "Add lesson" }).click();
    await outline.getByRole("button", { name: `Rename lesson “${lesson}”` }).waitFor();
  }
  await outline.getByRole("button", { name: "Edit lesson “Tools and paper”" }).click();
  await outline
    .getByRole("textbox", { name: "Lesson text" })
    .fill("Use **90 gsm** paper and a bone folder.");
  await shot("editor-outline");

  await page.getByRole("tab", { name: /Publish/ }).click();
  await page.getByRole("heading", { name: "Before you publish" }).waitFor();
  await shot("editor-publish");
  // The outline still has an unsaved lesson body: accept leaving without it.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in", exact: true }).first().waitFor();
}
