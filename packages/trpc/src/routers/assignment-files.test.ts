import type { SessionUser } from "@lumen/core/kernel";
import {
  addLessonOfKind,
  createAssignmentReview,
  createAssignmentSubmission,
  createCourse,
  createEnrollment,
  createUser,
} from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

// Storage is the in-memory media store; the edge's part of an upload is simulated with it.
let t: TestContext;
let owner: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
  admin = await createUser(t.db, "admin");
});
afterAll(() => t.close());

const files = (user: SessionUser | null) => t.callerFor(user).assignmentFiles;
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);

/** An assignment lesson with a learner who attached a ZIP and submitted, and a classmate. */
async function submitted() {
  const course = await createCourse(t.db, owner);
  const lesson = await addLessonOfKind(t.db, course.id, "assignment");
  const author = await createUser(t.db);
  const classmate = await createUser(t.db);
  const enrollment = await createEnrollment(t.db, author, course.id);
  const classmateEnrollment = await createEnrollment(t.db, classmate, course.id);
  const ticket = await files(author).start({
    lessonId: lesson.id,
    filename: "project.zip",
    contentType: "application/zip",
    byteSize: ZIP.length,
  });
  await t.mediaStore.putFile({ purpose: "attachment", id: ticket.attachmentId }, ZIP, "x/y");
  const attachment = await files(author).confirm({ attachmentId: ticket.attachmentId });
  const submission = await createAssignmentSubmission(t.db, {
    lessonId: lesson.id,
    enrollmentId: enrollment.id,
    userId: author.id,
    cohort: course.id,
  });
  return {
    courseId: course.id,
    lessonId: lesson.id,
    author,
    classmate,
    classmateEnrollmentId: classmateEnrollment.id,
    attachment,
    submissionId: submission.id,
  };
}

describe("assignmentFiles: the learner's side", () => {
  it("start → edge PUT → confirm lists the file in mine; remove takes it away", async () => {
    const world = await submitted();
    const { author, lessonId, attachment } = world;

    const mine = await files(author).mine({ lessonId });
    expect(mine.attachments).toEqual([
      {
        id: attachment.id,
        lessonId,
        filename: "project.zip",
        contentType: "application/zip",
        byteSize: ZIP.length,
        createdAt: expect.any(String),
        downloadUrl: `/api/attachments/${attachment.id}`,
      },
    ]);
    expect(await files(author).remove({ attachmentId: attachment.id })).toEqual({
      attachmentId: attachment.id,
    });
    expect((await files(author).mine({ lessonId })).attachments).toEqual([]);
    expect(t.mediaStore.objects.has(`attachments/${attachment.id}`)).toBe(false);
  });

  it("refuses a type off the list, and a file over 20 MiB, at the input with the reason", async () => {
    const { author, lessonId } = await submitted();
    const svg = await errorOf(
      files(author).start({
        lessonId,
        filename: "drawing.svg",
        contentType: "image/svg+xml" as "image/png",
        byteSize: 100,
      }),
    );
    const huge = await errorOf(
      files(author).start({
        lessonId,
        filename: "video.zip",
        contentType: "application/zip",
        byteSize: 20 * 1024 * 1024 + 1,
      }),
    );

    expect(svg.code).toBe("BAD_REQUEST");
    expect(svg.cause?.message).toContain(
      "Attach a PDF, an image (PNG, JPEG, WebP or GIF), a plain text or Markdown file, or a ZIP archive.",
    );
    expect(huge.code).toBe("BAD_REQUEST");
    expect(huge.cause?.message).toContain("Attachments can be at most 20 MiB.");
  });

  it("needs a signed-in user; a classmate cannot confirm or remove someone else's file", async () => {
    const { classmate, lessonId, attachment } = await submitted();

    expect(await codeOf(files(null).mine({ lessonId }))).toBe("UNAUTHORIZED");
    expect(await codeOf(files(classmate).remove({ attachmentId: attachment.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(files(classmate).confirm({ attachmentId: attachment.id }))).toBe(
      "NOT_FOUND",
    );
    expect(t.mediaStore.objects.has(`attachments/${attachment.id}`)).toBe(true);
  });
});

describe("assignmentFiles: reading a submission's files", () => {
  it("another learner can neither list nor download them", async () => {
    const { classmate, submissionId, attachment } = await submitted();

    expect(await codeOf(files(classmate).forSubmission({ submissionId }))).toBe("NOT_FOUND");
    expect(await codeOf(files(classmate).download({ attachmentId: attachment.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("a learner the submission is leased to for review can, until the lease expires", async () => {
    const world = await submitted();
    const { classmate, submissionId, attachment, lessonId } = world;
    const review = {
      submissionId,
      lessonId,
      reviewerEnrollmentId: world.classmateEnrollmentId,
    };
    await createAssignmentReview(t.db, review);

    const listed = await files(classmate).forSubmission({ submissionId });
    const download = await files(classmate).download({ attachmentId: attachment.id });

    expect(listed.map((a) => a.id)).toEqual([attachment.id]);
    expect(download).toEqual({
      url: `/api/attachments/${attachment.id}`,
      filename: "project.zip",
      contentType: "application/zip",
      byteSize: ZIP.length,
    });

    // The same reviewer on another submission whose lease has lapsed.
    const other = await submitted();
    const lapsed = new Date(Date.now() - 60_000);
    const classmateThere = await createEnrollment(t.db, classmate, other.courseId);
    await createAssignmentReview(t.db, {
      submissionId: other.submissionId,
      lessonId: other.lessonId,
      reviewerEnrollmentId: classmateThere.id,
      leasedAt: new Date(lapsed.getTime() - 3600_000),
      leaseExpiresAt: lapsed,
    });
    expect(await codeOf(files(classmate).forSubmission({ submissionId: other.submissionId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(files(classmate).download({ attachmentId: other.attachment.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("the course's instructor, an admin and the author can", async () => {
    const { author, submissionId, attachment } = await submitted();

    for (const user of [owner, admin, author]) {
      expect((await files(user).forSubmission({ submissionId })).map((a) => a.id)).toEqual([
        attachment.id,
      ]);
      expect((await files(user).download({ attachmentId: attachment.id })).url).toBe(
        attachment.downloadUrl,
      );
    }
  });

  it("another course's instructor cannot", async () => {
    const { submissionId, attachment } = await submitted();
    const stranger = await createUser(t.db, "instructor");

    expect(await codeOf(files(stranger).forSubmission({ submissionId }))).toBe("NOT_FOUND");
    expect(await codeOf(files(stranger).download({ attachmentId: attachment.id }))).toBe(
      "NOT_FOUND",
    );
  });
});
