import type { Locator, Page } from "playwright-core";

/** A lesson's row in the course editor's outline (its line, and its editor when open). */
export function lessonRow(scope: Locator, title: string): Locator {
  return scope.getByTestId("lesson-row").filter({ hasText: title });
}

/** The badges of a lesson's row: its content's state, free preview, optional. */
export function lessonBadge(row: Locator, text: string): Locator {
  return row.getByTestId("lesson-badges").getByText(text, { exact: true });
}

/**
 * Lesson titles in outline order, read from their rename buttons, once the first is shown
 * (evaluateAll alone does not wait, and would read an outline still loading as empty).
 */
export async function lessonTitles(list: Locator): Promise<string[]> {
  const buttons = list.getByRole("button", { name: /^Rename lesson “/ });
  await buttons.first().waitFor();
  return buttons.evaluateAll((buttons) =>
    buttons.map((b) =>
      (b.getAttribute("aria-label") ?? "").replace(/^Rename lesson “(.*)”$/, "$1"),
    ),
  );
}

/** The title links of "Your courses", or of its published ones. */
export function authoredCourseLinks(page: Page, { published = false } = {}): Locator {
  const rows = page.getByRole("list", { name: "Your courses" }).getByRole("listitem");
  return (published ? rows.filter({ hasText: "Status: Published" }) : rows)
    .getByRole("heading", { level: 2 })
    .getByRole("link");
}
