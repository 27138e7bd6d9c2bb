import { randomUUID } from "node:crypto";
import { DEMO_USERS } from "@lumen/db/seed";
import { ensureCourse, sessionAs } from "@lumen/tools/api-client";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "./authoring-steps";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { type Stack, startStack } from "./stack";

let stack: Stack;
let browser: Browser;
let page: Page;

const demo = (prefix: string) => {
  const user = DEMO_USERS.find((u) => u.email.startsWith(prefix));
  if (!user) throw new Error(`no demo user ${prefix}`);
  return user;
};

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ courses: 2 }), launchBrowser()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
});
afterEach((context) => reportFailure(context.task.result?.state === "fail", browser, stack));
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("the bell shows a new notification live: the count and the open list change without a reload", async () => {
  // A published two-lesson course, built by its instructor through the API.
  const instructor = demo("instructor@");
  const teacher = await sessionAs(stack.webUrl, instructor.email, instructor.password);
  const title = `Live Bells ${Date.now().toString(36)}`;
  const course = await ensureCourse(teacher, {
    course: {
      title,
      subtitle: "Two short readings.",
      description: "Two short readings that finish a course while the bell listens.",
      category: "Physical Science",
      level: "beginner",
      language: "en",
    },
    modules: [
      {
        title: "Readings",
        lessons: [
          { key: "first", title: "First reading", kind: "text", body: "One." },
          { key: "second", title: "Second reading", kind: "text", body: "Two." },
        ],
      },
    ],
  });

  // The learner signs in and opens the bell: nothing yet.
  const learner = demo("learner@");
  await page.goto(`${stack.webUrl}/sign-in`);
  await signIn(page, learner.email, learner.password);
  // The header shows the bell as soon as the session is known, a moment before the sign-in
  // page redirects; a click in between is undone by the move (a page change closes the panel
  // and focuses the new page's heading). Open it on the page the learner lands on.
  await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 30_000 });
  await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 30_000 });
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications");
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  // The panel is a lazy chunk: on a 2-core machine running other test passes its first load
  // has taken over 10 s.
  await panel.waitFor({ timeout: 30_000 });
  await expectAccessible(page, "the empty notifications panel");
  const before = await panel.textContent();

  // Elsewhere (another client of the same user), the learner finishes the course.
  const reader = await sessionAs(stack.webUrl, learner.email, learner.password);
  const { enrollmentId } = await reader.api.enrollment.enroll.mutate({ courseId: course.id });
  await reader.api.progress.record.mutate({
    events: Object.values(course.lessons).map((lessonId) => ({
      eventId: randomUUID(),
      enrollmentId,
      lessonId,
      completed: true,
      positionSeconds: 0,
      occurredAt: Date.now(),
    })),
  });

  // Pushed, not polled: the list shows it and the count changes within seconds, no reload.
  await panel.getByText(`You finished ${title}`).waitFor({ timeout: 5_000 });
  await expect
    .poll(() => bell.getAttribute("aria-label"), { timeout: 5_000 })
    .toMatch(/^Notifications, [1-9]\d* unread$/);
  expect(before).not.toContain(`You finished ${title}`);
  await expectAccessible(page, "the notifications panel with a live notification");
});
