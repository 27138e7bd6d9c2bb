import type { Page } from "playwright-core";

/**
 * Waits until the page's text stops changing (the same for 400 ms): queries answered, loading
 * states gone. Not "networkidle": the live updates keep a server-sent events request open.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const before = document.body.textContent;
        setTimeout(() => done(document.body.textContent === before), 400);
      }),
    undefined,
    { timeout: 15_000 },
  );
}
