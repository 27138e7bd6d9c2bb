import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const BLOCKING = new Set(["serious", "critical"]);

/**
 * Runs axe on the page as it is now and fails, with a readable list, on any serious or
 * critical violation. Every journey calls it after each page (or state) it visits, so a
 * regression names the page, the rule and the element.
 *
 * Besides axe's defaults (WCAG 2.x A/AA and best practices), `label-content-name-mismatch`
 * (WCAG 2.5.3, off by default as "experimental") is on: a control whose accessible name
 * leaves out its visible text cannot be operated by voice.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    // The journeys open pages with browser.newPage(), whose context cannot open the blank
    // page axe's default mode needs; legacy mode runs in the page's own frames (no
    // cross-origin iframes here).
    .setLegacyMode()
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  if (blocking.length === 0) return;
  const lines = blocking.flatMap((violation) => [
    `- ${violation.id} (${violation.impact}): ${violation.help}`,
    ...violation.nodes.slice(0, 5).map((node) => {
      const summary = (node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300);
      return `    ${node.target.join(" ")} — ${summary}`;
    }),
  ]);
  throw new Error(
    `axe: ${blocking.length} serious/critical on ${where} (${page.url()})\n${lines.join("\n")}`,
  );
}
