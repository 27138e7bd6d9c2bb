import { ensureCourse } from "@lumen/tools/api-client";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { sessionAs } from "./learning-course";
import { signedInPage } from "./peer-review-steps";
import { type Stack, startStack } from "./stack";

// The live test: learner A has a thread open, learner B replies; A sees the reply and
// the bell's count change without a reload — with both browsers on one API process, then with
// B's browser served by a second API process on the same database.

const A = { name: "Leo Learner", email: "learner@lumen.dev", password: "lumen-learner-dev" };
const B = { name: "Grace Graduate", email: "graduate@lumen.dev", password: "lumen-graduate-dev" };
const INSTRUCTOR = { email: "instructor@lumen.dev", password: "lumen-instructor-dev" };

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ courses: 1, secondApi: true }),
    launchBrowser(),
  ]);
}, 180_000);
afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-live-forum"),
);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** B answers in the open thread on `page` and sees their own reply. */
async function replyAs(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Your answer" }).fill(text);
  await page.getByRole("button", { name: "Post reply" }).click();
  await page
    .getByRole("article", { name: `reply by ${B.name}` })
    .getByText(text)
    .waitFor();
}

it("A sees B's reply and the bell change without a reload, on one API process and across two", async () => {
  const secondWebUrl = stack.secondWebUrl;
  if (!secondWebUrl) throw new Error("the stack has no second API");
  const teacher = await sessionAs(stack.webUrl, INSTRUCTOR.email, INSTRUCTOR.password);
  const course = await ensureCourse(teacher, {
    course: {
      title: "Live arches",
      subtitle: "Stones, live.",
      description: "A course whose forum answers arrive while you read.",
      category: "Physical Science",
      level: "beginner",
      language: "en",
    },
    modules: [
      {
        title: "Arches",
        lessons: [{ key: "arch", title: "Keystones", kind: "text", body: "The top stone." }],
      },
    ],
  });
  const asker = await sessionAs(stack.webUrl, A.email, A.password);
  for (const [user, base] of [
    [A, stack.webUrl],
    [B, secondWebUrl],
  ] as const) {
    const session = await sessionAs(base, user.email, user.password);
    await session.api.enrollment.enroll.mutate({ courseId: course.id });
  }
  const { threadId } = await asker.api.forum.createThread.mutate({
    courseId: course.id,
    kind: "question",
    title: "Why does the keystone matter?",
    body: "It is only one stone.",
  });
  const threadUrl = `/courses/${course.slug}/forum/${threadId}`;

  // A has the thread open; the bell says nothing is unread.
  const a = await signedInPage(browser, stack.webUrl, A);
  await a.goto(`${stack.webUrl}${threadUrl}`);
  await a.getByRole("heading", { level: 1, name: "Why does the keystone matter?" }).waitFor();
  const bell = a.getByRole("button", { name: /^Notifications/ });
  await expect.poll(() => bell.getAttribute("aria-label")).toBe("Notifications");
  const navigations: string[] = [];
  a.on("framenavigated", (frame) => {
    if (frame === a.mainFrame()) navigations.push(frame.url());
  });

  // B, on the same API process, replies.
  const b = await signedInPage(browser, stack.webUrl, B);
  await b.goto(`${stack.webUrl}${threadUrl}`);
  await replyAs(b, "It locks the others in place.");
  const replies = a.getByRole("article", { name: `reply by ${B.name}` });
  await replies.getByText("It locks the others in place.").waitFor({ timeout: 5_000 });
  await expect
    .poll(() => bell.getAttribute("aria-label"), { timeout: 5_000 })
    .toBe("Notifications, 1 unread");

  // B again, now through the other API process: A's stream is on the first one.
  const b2 = await signedInPage(browser, secondWebUrl, B);
  await b2.goto(`${secondWebUrl}${threadUrl}`);
  await replyAs(b2, "Without it, both halves fall inwards.");
  await replies.getByText("Without it, both halves fall inwards.").waitFor({ timeout: 5_000 });
  await expect
    .poll(() => bell.getAttribute("aria-label"), { timeout: 5_000 })
    .toBe("Notifications, 2 unread");
  expect(navigations).toEqual([]);
  await expectAccessible(a, "a thread that received live replies");
});
