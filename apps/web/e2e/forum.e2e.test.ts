import { ensureCourse } from "@lumen/tools/api-client";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { expectAccessible } from "./axe";
import { launchBrowser } from "./browser";
import { reportFailure } from "./failure-report";
import { sessionAs } from "./learning-course";
import { signedInPage } from "./peer-review-steps";
import { type Stack, startStack } from "./stack";

// The forum issue's journey in a real browser: a learner asks a question about a lesson from
// the lesson page, with a picture uploaded through our storage (the edge, then the API); another learner answers it, mentioning the asker through the autocomplete;
// the asker (whose open thread shows the answer without a reload) accepts it; the instructor
// endorses it; the asker edits the question and staff read its history; a nested reply is
// deleted and leaves a placeholder; a third learner's rude reply is reported, then hidden from the moderation
// queue, and its author muted; the muted learner is refused with a clear message. axe on
// every forum page and state.

const LEO = { name: "Leo Learner", email: "learner@lumen.dev", password: "lumen-learner-dev" };
const GRACE = {
  name: "Grace Graduate",
  email: "graduate@lumen.dev",
  password: "lumen-graduate-dev",
};
const MARA = {
  id: "e2e-forum-mara",
  name: "Mara Mendes",
  email: "mara@lumen.dev",
  password: "lumen-mara-e2e",
  role: "learner" as const,
};
const INES = {
  name: "Ines Instructor",
  email: "instructor@lumen.dev",
  password: "lumen-instructor-dev",
};
const QUESTION = "Why do arches stand?";
/** A 1×1 PNG, the picture Leo adds to his question. */
const ARCH_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

let stack: Stack;
let browser: Browser;
/** Chromium reports every CSP violation on the console ("Refused to …"); none may happen. */
const violations: string[] = [];

/** A signed-in page whose CSP violations (the stack serves the production CSP) are collected. */
async function pageAs(user: { email: string; password: string; name: string }): Promise<Page> {
  const page = await signedInPage(browser, stack.webUrl, user);
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({ courses: 1, users: [MARA], edge: true }),
    launchBrowser(),
  ]);
}, 180_000);

afterEach((context) =>
  reportFailure(context.task.result?.state === "fail", browser, stack, "lumen-forum"),
);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it("a question about a lesson is answered with a mention, accepted, endorsed; a reported reply is hidden and its author muted", async () => {
  const instructor = await sessionAs(stack.webUrl, INES.email, INES.password);
  const course = await ensureCourse(instructor, {
    course: {
      title: "Bridges and arches",
      subtitle: "How stone stays up.",
      description: "A short course about arches, with a forum to ask about each lesson.",
      category: "Physical Science",
      level: "beginner",
      language: "en",
    },
    modules: [
      {
        title: "Arches",
        lessons: [
          {
            key: "arch",
            title: "The keystone",
            kind: "text",
            body: "An arch carries its load in **compression**.",
          },
        ],
      },
    ],
  });
  for (const user of [LEO, GRACE, MARA]) {
    const session = await sessionAs(stack.webUrl, user.email, user.password);
    await session.api.enrollment.enroll.mutate({ courseId: course.id });
  }
  const lessonId = course.lessons.arch;

  // Leo asks from the lesson page; the form opens as a question about that lesson.
  const leo = await pageAs(LEO);
  await leo.goto(`${stack.webUrl}/courses/${course.slug}/lessons/${lessonId}`);
  const lessonForum = leo.getByRole("region", { name: "Questions and discussions" });
  await lessonForum.getByText("No threads about this lesson yet.").waitFor();
  await lessonForum.getByRole("link", { name: "Ask about this lesson" }).click();
  await leo.getByRole("heading", { level: 2, name: "New thread" }).waitFor();
  expect(await leo.getByLabel("Question").isChecked()).toBe(true);
  expect(await leo.getByLabel("Lesson (optional)").inputValue()).toBe(lessonId);
  await expectAccessible(leo, "forum with the new-thread form");
  await leo.getByRole("button", { name: "Post thread" }).click();
  await leo.getByText("Give your thread a title.").waitFor();
  await leo.getByLabel("Title", { exact: true }).fill(QUESTION);
  await leo
    .getByLabel("Body", { exact: true })
    .fill(
      "Nothing holds the stones together. What keeps it up?\n\n```js\nconst keystone = true;\n```\n",
    );
  // He adds a picture of an arch: uploaded through our storage, its Markdown at the caret.
  await leo.getByLabel("Add image").setInputFiles({
    name: "arch.png",
    mimeType: "image/png",
    buffer: Buffer.from(ARCH_PNG, "base64"),
  });
  await leo.getByText("Added arch.png to the message.").waitFor({ state: "attached" });
  expect(await leo.getByLabel("Body", { exact: true }).inputValue()).toMatch(
    /```\n!\[arch\.png\]\(\/api\/forum-images\/[0-9a-f-]{36}\)$/,
  );
  await leo.getByRole("button", { name: "Show preview" }).click();
  await leo
    .getByRole("region", { name: "Body preview" })
    .getByText("Nothing holds the stones")
    .waitFor();
  await leo.getByRole("button", { name: "Post thread" }).click();
  await leo.getByRole("heading", { level: 1, name: QUESTION }).waitFor();
  await leo.getByRole("heading", { name: "No answers yet" }).waitFor();
  const picture = leo.getByRole("img", { name: "arch.png" });
  await picture.waitFor();
  await leo.waitForFunction(
    () =>
      (document.querySelector('img[alt="arch.png"]') as HTMLImageElement | null)?.naturalWidth ===
      1,
  );
  // The code block is highlighted once the highlighter's own chunk has loaded.
  await leo.locator('pre[data-language="js"] span.hljs-keyword', { hasText: "const" }).waitFor();
  await expectAccessible(leo, "a new question");

  // Grace finds it in the list and answers, mentioning Leo through the picker.
  const grace = await pageAs(GRACE);
  await grace.goto(`${stack.webUrl}/courses/${course.slug}/forum`);
  await grace.getByLabel("Sort").selectOption("unanswered");
  await grace.getByRole("link", { name: QUESTION }).waitFor();
  await expectAccessible(grace, "the forum's thread list");
  await grace.getByRole("link", { name: QUESTION }).click();
  const answer = grace.getByRole("textbox", { name: "Your answer" });
  await answer.click();
  await answer.pressSequentially("Compression, @Le");
  const option = grace.getByRole("option", { name: LEO.name });
  await option.waitFor();
  await expectAccessible(grace, "the mention picker");
  await answer.press("ArrowDown");
  expect(await option.getAttribute("aria-selected")).toBe("true");
  await answer.press("Enter");
  expect(await answer.inputValue()).toMatch(/^Compression, @\[Leo Learner\]\(user:[^)]+\) $/);
  await answer.pressSequentially("— each stone pushes on the next.");
  await grace.getByRole("button", { name: "Post reply" }).click();
  const graceReply = grace.getByRole("article", { name: `reply by ${GRACE.name}` });
  await graceReply.getByText("@Leo Learner").waitFor();

  // Leo's open thread shows the answer without a reload; he upvotes and accepts it.
  const leoReply = leo.getByRole("article", { name: `reply by ${GRACE.name}` });
  await leoReply.getByText("each stone pushes on the next").waitFor();
  const upvote = leoReply.getByRole("button", { name: `Upvote reply by ${GRACE.name}` });
  await upvote.click();
  await leoReply
    .getByRole("button", { name: `Upvote reply by ${GRACE.name}`, pressed: true })
    .waitFor();
  await leoReply.getByText("1 vote", { exact: true }).waitFor();
  await leoReply.getByRole("button", { name: "Accept answer" }).click();
  await leoReply.getByText("Accepted answer").waitFor();
  await expectAccessible(leo, "an accepted answer");

  // The instructor endorses it (staff badge on their own posts, "Endorsed by").
  const ines = await pageAs(INES);
  await ines.goto(leo.url());
  const inesView = ines.getByRole("article", { name: `reply by ${GRACE.name}` });
  await inesView.getByRole("button", { name: "Endorse" }).click();
  await inesView.getByText(`Endorsed by ${INES.name}`).waitFor();
  await expectAccessible(ines, "the thread as staff");

  // Leo edits his question: everyone sees "(edited)"; staff read the version before.
  await leo.getByRole("button", { name: "Edit", exact: true }).click();
  await leo
    .getByLabel("Body", { exact: true })
    .fill("Nothing holds the stones, not even mortar. Why?");
  await leo.getByRole("button", { name: "Save edit" }).click();
  // Saved: the form closes and the thread shows its Edit button again.
  await leo.getByRole("button", { name: "Edit", exact: true }).waitFor();
  await leo.getByText("Nothing holds the stones, not even mortar. Why?").waitFor();
  await leo.getByText("(edited)").first().waitFor();
  await ines.reload();
  await ines.getByRole("button", { name: "Edit history" }).click();
  await ines.getByText(`Before an edit by ${LEO.name}`, { exact: false }).waitFor();
  await ines
    .locator("pre", { hasText: "Nothing holds the stones together. What keeps it up?" })
    .waitFor();
  await expectAccessible(ines, "a thread's edit history");

  // Grace adds a nested reply under her answer, then deletes it: a placeholder stays.
  await graceReply.getByRole("button", { name: "Reply", exact: true }).click();
  await grace.getByRole("textbox", { name: `Reply to ${GRACE.name}` }).fill("Typo above, sorry.");
  await grace.getByRole("button", { name: "Post reply" }).first().click();
  const nested = grace.getByRole("article").filter({ hasText: "Typo above, sorry." });
  await nested.getByRole("button", { name: "Delete" }).click();
  await nested
    .getByRole("group", { name: "Confirm delete" })
    .getByRole("button", { name: "Delete" })
    .click();
  await grace.getByText("[deleted] This post was deleted by its author.").waitFor();
  expect(await grace.getByText("Typo above, sorry.").count()).toBe(0);

  // Mara replies rudely; Grace reports it.
  const mara = await pageAs(MARA);
  await mara.goto(leo.url());
  await mara.getByRole("textbox", { name: "Your answer" }).fill("This question is stupid.");
  await mara.getByRole("button", { name: "Post reply" }).click();
  await mara.getByRole("article", { name: `reply by ${MARA.name}` }).waitFor();
  await grace.reload();
  const rude = grace.getByRole("article", { name: `reply by ${MARA.name}` });
  await rude.getByRole("button", { name: `Report reply by ${MARA.name}` }).click();
  const dialog = grace.getByRole("dialog", { name: "Report this post" });
  await dialog.getByRole("button", { name: "Send report" }).click();
  await dialog.getByText("Say why you are reporting it.").waitFor();
  await expectAccessible(grace, "the report dialog");
  await dialog.getByLabel("Why should moderators look at it?").fill("Insults the asker.");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await rude.getByText("Reported — thank you").waitFor();

  // The instructor hides it from the queue and mutes Mara, with reasons; the log shows both.
  await ines.goto(`${stack.webUrl}/teach/courses/${course.id}/forum`);
  const report = ines.getByRole("listitem", { name: `Report on a post by ${MARA.name}` });
  await report.getByText("Insults the asker.").waitFor();
  await expectAccessible(ines, "the moderation queue");
  await report.getByRole("button", { name: "Hide post" }).click();
  const hide = ines.getByRole("dialog", { name: "Hide this post" });
  await hide.getByLabel("Reason (optional)").fill("Insulting.");
  await hide.getByRole("button", { name: "Hide", exact: true }).click();
  await ines.getByRole("heading", { name: "No open reports" }).waitFor();
  await ines.getByLabel("Show").selectOption("closed");
  await ines.getByRole("button", { name: `Mute ${MARA.name}` }).click();
  const mute = ines.getByRole("dialog", { name: `Mute ${MARA.name} in this course` });
  await mute.getByRole("button", { name: "Mute", exact: true }).click();
  await mute.getByText("Give a reason: it is kept in the moderation log.").waitFor();
  await mute.getByLabel("Reason", { exact: true }).fill("Repeated insults.");
  await mute.getByRole("button", { name: "Mute", exact: true }).click();
  const mutes = ines.getByRole("region", { name: "Muted members" });
  await mutes.getByText("Repeated insults.", { exact: false }).waitFor();
  const log = ines.getByRole("region", { name: "Moderation log" });
  await log
    .getByRole("cell", { name: "Hid a post" })
    .or(log.getByText("Hid a post"))
    .first()
    .waitFor();
  await log.getByText(`Muted ${MARA.name}`).waitFor();
  await expectAccessible(ines, "the moderation queue after hiding and muting");

  // Learners no longer see the hidden reply; Mara is refused with the reason.
  await grace.reload();
  await grace.getByRole("article", { name: `reply by ${GRACE.name}` }).waitFor();
  expect(await grace.getByRole("article", { name: `reply by ${MARA.name}` }).count()).toBe(0);
  await mara.reload();
  await mara.getByText("Repeated insults.", { exact: false }).first().waitFor();
  expect(await mara.getByRole("button", { name: "Post reply" }).count()).toBe(0);
  await mara.goto(`${stack.webUrl}/courses/${course.slug}/forum`);
  await mara.getByText("You cannot post in this course's forum", { exact: false }).waitFor();
  expect(await mara.getByRole("button", { name: "New thread" }).count()).toBe(0);
  await expectAccessible(mara, "the forum for a muted learner");
  expect(violations).toEqual([]);
});
