/**
 * The main pages in each language (en, es, ar) at desktop and phone widths, for a look at
 * the translations and the right-to-left layout:
 *   pnpm --filter @lumen/web screenshots:i18n [outDir]   (default: /tmp/lumen-screens)
 * Pages are reached by URL and signed in over HTTP, so no step depends on the UI's words.
 * The stack includes the edge, for the certificate verify page (it follows Accept-Language,
 * which each context sends in its language).
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { createForumThread, createQuizCourse, earnCertificate, signInContext } from "./i18n-steps";
import { sessionAs } from "./learning-course";
import { settled } from "./settled";
import { startStack } from "./stack";

const outDir = resolve(process.argv[2] ?? "/tmp/lumen-screens");
const LOCALES = ["en", "es", "ar"] as const;
const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

await mkdir(outDir, { recursive: true });
const [stack, browser] = await Promise.all([
  startStack({ courses: 8, edge: true }),
  launchBrowser(),
]);
try {
  const instructor = await sessionAs(stack.webUrl, "instructor@lumen.dev", "lumen-instructor-dev");
  const course = await createQuizCourse(instructor);
  const learner = await sessionAs(stack.webUrl, "learner@lumen.dev", "lumen-learner-dev");
  await learner.api.enrollment.enroll.mutate({ courseId: course.id });
  const thread = await createForumThread(course, learner, instructor);
  const certificate = await earnCertificate(learner, course);
  const learnerPages = {
    catalog: "/",
    course: `/courses/${course.slug}`,
    quiz: `/courses/${course.slug}/lessons/${course.quizId}`,
    "my-learning": "/my-learning",
    profile: "/settings/profile",
    "email-settings": "/settings/notifications",
    // With the notice an expired download link brings the reader here with (ADR 0027).
    privacy: "/settings/privacy?download=expired",
    "forum-thread": thread,
  };
  const instructorPages = {
    "teach-list": "/teach",
    editor: `/teach/courses/${course.id}`,
    analytics: `/teach/courses/${course.id}/analytics`,
  };
  for (const locale of LOCALES) {
    for (const viewport of viewports) {
      const who = [
        [["learner@lumen.dev", "lumen-learner-dev"], learnerPages],
        [["instructor@lumen.dev", "lumen-instructor-dev"], instructorPages],
        // Signed out: the sign-in page, and the verify page an employer opens (the edge's).
        [null, { "sign-in": `${stack.webUrl}/sign-in`, "certificate-verify": certificate }],
      ] as const;
      for (const [credentials, pages] of who) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale });
        await context.addInitScript((l) => localStorage.setItem("lumen.locale", l), locale);
        if (credentials) await signInContext(context, stack.webUrl, credentials[0], credentials[1]);
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        for (const [name, path] of Object.entries(pages)) {
          const url = path.startsWith("/") ? `${stack.webUrl}${path}` : path;
          await shoot(page, url, `${outDir}/${locale}-${viewport.name}-${name}.png`);
        }
        await context.close();
      }
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await stack.close();
}

async function shoot(page: Page, url: string, path: string) {
  await page.goto(url);
  await page.locator("main h1").first().waitFor();
  await settled(page);
  await page.screenshot({ path, fullPage: true });
}
