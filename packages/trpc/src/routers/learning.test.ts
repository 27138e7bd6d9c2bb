import { uploadLessonDocument } from "@lumen/core/documents";
import type { SessionUser } from "@lumen/core/kernel";
import { addLessonOfKind, createCourse, createUser } from "@lumen/core/testing";
import { courseInstructors } from "@lumen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
let coInstructor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  coInstructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
const lessonOf = (user: SessionUser | null, lessonId: string) =>
  t.callerFor(user).learning.lesson({ lessonId });

async function course(status: "draft" | "published" = "published") {
  const row = await createCourse(t.db, owner, {
    status,
    publishedAt: status === "published" ? new Date() : null,
  });
  await t.db.insert(courseInstructors).values({ courseId: row.id, userId: coInstructor.id });
  const learner = await createUser(t.db);
  if (status === "published") await t.callerFor(learner).enrollment.enroll({ courseId: row.id });
  return { courseId: row.id, learner };
}

describe("learning.lesson", () => {
  it("gives an enrolled learner a text lesson's Markdown, kind and flags", async () => {
    const { courseId, learner } = await course();
    const lesson = await addLessonOfKind(t.db, courseId, "text", {
      title: "Reading",
      body: "# Hello\n\n<script>kept as written; the client sanitizes</script>",
      durationSeconds: 300,
      isOptional: true,
    });
    expect(await lessonOf(learner, lesson.id)).toEqual({
      lessonId: lesson.id,
      courseId,
      kind: "text",
      title: "Reading",
      body: "# Hello\n\n<script>kept as written; the client sanitizes</script>",
      durationSeconds: 300,
      isOptional: true,
      isPreview: false,
      document: null,
    });
  });

  it("describes a PDF lesson's document with same-origin view and download URLs once uploaded", async () => {
    const { courseId, learner } = await course();
    const lesson = await addLessonOfKind(t.db, courseId, "pdf");
    expect((await lessonOf(learner, lesson.id)).document).toBeNull();
    await uploadLessonDocument({
      db: t.db,
      media: t.media,
      user: coInstructor,
      input: { lessonId: lesson.id, filename: "Handout.pdf" },
      bytes: PDF,
    });
    expect((await lessonOf(learner, lesson.id)).document).toEqual({
      filename: "Handout.pdf",
      byteSize: PDF.length,
      url: `/api/lessons/${lesson.id}/document`,
      downloadUrl: `/api/lessons/${lesson.id}/document?download=1`,
    });
  });

  it("follows the video access rule: 401 anonymous, 403 not enrolled, 404 a stranger's draft", async () => {
    const published = await course();
    const draft = await course("draft");
    const lesson = await addLessonOfKind(t.db, published.courseId, "text", { body: "x" });
    const draftLesson = await addLessonOfKind(t.db, draft.courseId, "text", { body: "y" });
    const stranger = await createUser(t.db);
    const otherInstructor = await createUser(t.db, "instructor");
    expect(await codeOf(lessonOf(null, lesson.id))).toBe("UNAUTHORIZED");
    expect(await codeOf(lessonOf(stranger, lesson.id))).toBe("FORBIDDEN");
    expect(await codeOf(lessonOf(otherInstructor, lesson.id))).toBe("FORBIDDEN");
    expect(await codeOf(lessonOf(stranger, draftLesson.id))).toBe("NOT_FOUND");
    expect(await codeOf(lessonOf(otherInstructor, draftLesson.id))).toBe("NOT_FOUND");
    // Editors preview drafts.
    expect((await lessonOf(coInstructor, draftLesson.id)).body).toBe("y");
  });

  it("opens a free preview lesson to anyone, signed in or not", async () => {
    const { courseId } = await course();
    const lesson = await addLessonOfKind(t.db, courseId, "text", { body: "Free", isPreview: true });
    expect(await lessonOf(null, lesson.id)).toMatchObject({ body: "Free", isPreview: true });
  });
});
