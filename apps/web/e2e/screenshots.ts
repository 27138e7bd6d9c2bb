/**
 * Captures the main pages at desktop and phone widths for a visual review:
 *   pnpm --filter @lumen/web screenshots [outDir]   (default: ./screenshots, git-ignored)
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { launchBrowser } from "./browser";
import { startStack } from "./stack";

const outDir = resolve(process.argv[2] ?? "screenshots");
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

await mkdir(outDir, { recursive: true });
const [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
try {
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const shot = (name: string) =>
      page.screenshot({ path: `${outDir}/${viewport.name}-${name}.png`, fullPage: true });
    await page.goto(`${stack.webUrl}/?category=Data+Science`);
    await page.locator(".card").first().waitFor();
    await shot("catalog-filtered");
    await page.goto(`${stack.webUrl}/`);
    await page.locator(".card").first().waitFor();
    await shot("catalog");
    await page.locator(".card-link").first().click();
    await page.getByRole("heading", { name: "Course outline" }).waitFor();
    await shot("course");
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter your email address.").waitFor();
    await page.keyboard.press("Tab");
    await shot("sign-in-errors");
    await page
      .getByLabel("Email")
      .fill(`${viewport.name === "phone" ? "instructor" : "learner"}@lumen.dev`);
    await page
      .getByLabel("Password")
      .fill(`lumen-${viewport.name === "phone" ? "instructor" : "learner"}-dev`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "My learning" }).waitFor();
    await page.locator(".card-link").nth(2).click();
    await page.getByRole("button", { name: "Enroll", exact: true }).click();
    await page.getByRole("heading", { name: "You're enrolled" }).waitFor();
    await shot("course-enrolled");
    await page.getByRole("link", { name: "My learning" }).first().click();
    await page.locator(".card").first().waitFor();
    await shot("my-learning");
    await page.close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await stack.close();
}
