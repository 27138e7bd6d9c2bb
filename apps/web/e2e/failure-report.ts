import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import type { Stack } from "./stack";

/** After a failed test: a picture of every open page, and the servers' last words. */
export async function reportFailure(
  failed: boolean,
  browser: Browser | undefined,
  stack: Stack | undefined,
  prefix = "lumen-e2e-failure",
) {
  if (!failed) return;
  const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
  for (const [index, open] of pages.entries()) {
    const path = join(tmpdir(), `${prefix}-${index}.png`);
    await open.screenshot({ path, fullPage: true }).catch(() => {});
    console.error(`failure screenshot: ${path} (${open.url()})`);
  }
  console.error(stack?.logs());
}
