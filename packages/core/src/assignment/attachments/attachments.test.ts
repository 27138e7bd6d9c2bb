import { assignmentAttachments } from "@lumen/db";
import { verifyMediaToken } from "@lumen/media-tokens";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainError, SessionUser } from "../../kernel";
import {
  addLessonOfKind,
  createAssignment,
  createAssignmentReview,
  createAssignmentSubmission,
  createCourse,
  createEnrollment,
  createTestWorld,
  createUser,
  TEST_MEDIA_KEYS,
  type TestWorld,
} from "../../testing";
import {
  type AttachmentType,
  attachmentDownload,
  confirmAttachmentUpload,
  listMyAttachments,
  listSubmissionAttachments,
  openAttachment,
  removeAttachment,
  startAttachmentUpload,
} from ".";

let t: TestWorld;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestWorld();
  instructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

const PDF = new TextEncoder().encode("%PDF-1.7\n% a learner's essay\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** An assignment lesson in a fresh course of the instructor's, and an enrolled learner. */
async function assignmentWithLearner(settings: { allowAttachments?: boolean } = {}) {
  const course = await createCourse(t.db, instructor);
  const lesson = await addLessonOfKind(t.db, course.id, "assignment");
  if (settings.allowAttachments !== undefined) await createAssignment(t.db, lesson.id, settings);
  const learner = await createUser(t.db);
  const enrollment = await createEnrollment(t.db, learner, course.id);
  return { courseId: course.id, lessonId: lesson.id, learner, enrollmentId: enrollment.id };
}

const deps = (user: SessionUser) => ({ db: t.db, media: t.media, user });

function start(
  user: SessionUser,
  lessonId: string,
  file: { name: string; type: AttachmentType; bytes: Uint8Array },
) {
  return startAttachmentUpload({
    ...deps(user),
    input: { lessonId, filename: file.name, contentType: file.type, byteSize: file.bytes.length },
  });
}

/** What the edge does with the browser's PUT: the bytes land at `attachments/<id>`. */
async function edgeStores(attachmentId: string, bytes: Uint8Array) {
  await t.mediaStore.putFile(
    { purpose: "attachment", id: attachmentId },
    bytes,
    "application/octet-stream",
  );
}

/** Start, upload and confirm: an attachment as a learner ends up with one. */
async function attach(user: SessionUser, lessonId: string, name = "essay.pdf", bytes = PDF) {
  const ticket = await start(user, lessonId, { name, type: "application/pdf", bytes });
  await edgeStores(ticket.attachmentId, bytes);
  return confirmAttachmentUpload({ ...deps(user), input: { attachmentId: ticket.attachmentId } });
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected the call to fail");
}

const stored = (attachmentId: string) => t.mediaStore.objects.has(`attachments/${attachmentId}`);

describe("attaching a file to a submission", () => {
  it("signs a link for exactly this file at the edge, then lists it once its bytes are confirmed", async () => {
    const { lessonId, learner } = await assignmentWithLearner();

    const ticket = await start(learner, lessonId, {
      name: "My essay.pdf",
      type: "application/pdf",
      bytes: PDF,
    });
    const token = ticket.url.replace("http://edge.test/attachments/", "");
    const claims = await verifyMediaToken(token, {
      keys: TEST_MEDIA_KEYS,
      purpose: "attachment-upload",
    });
    const before = await listMyAttachments({ db: t.db, user: learner, input: { lessonId } });
    await edgeStores(ticket.attachmentId, PDF);
    const confirmed = await confirmAttachmentUpload({
      ...deps(learner),
      input: { attachmentId: ticket.attachmentId },
    });
    const after = await listMyAttachments({ db: t.db, user: learner, input: { lessonId } });

    expect(claims).toMatchObject({
      ok: true,
      claims: { purpose: "attachment-upload", assetId: ticket.attachmentId, bytes: PDF.length },
    });
    expect(before.attachments).toEqual([]);
    expect(confirmed).toMatchObject({
      id: ticket.attachmentId,
      lessonId,
      filename: "My essay.pdf",
      contentType: "application/pdf",
      byteSize: PDF.length,
      downloadUrl: `/api/attachments/${ticket.attachmentId}`,
    });
    expect(after).toMatchObject({
      attachments: [confirmed],
      allowed: true,
      locked: false,
      maxFiles: 5,
      maxBytes: 20 * 1024 * 1024,
    });
    // Confirming again changes nothing.
    expect(
      await confirmAttachmentUpload({ ...deps(learner), input: { attachmentId: confirmed.id } }),
    ).toEqual(confirmed);
  });

  it("removes an upload whose bytes are not the declared type, and says why", async () => {
    const { lessonId, learner } = await assignmentWithLearner();
    const ticket = await start(learner, lessonId, {
      name: "photo.png",
      type: "image/png",
      bytes: PDF,
    });
    await edgeStores(ticket.attachmentId, PDF);

    const error = await failure(
      confirmAttachmentUpload({ ...deps(learner), input: { attachmentId: ticket.attachmentId } }),
    );

    expect(error.kind).toBe("validation");
    expect(error.message).toMatch(
      /^“photo.png” is not a PNG image inside\. Attach a PDF, an image/,
    );
    expect(stored(ticket.attachmentId)).toBe(false);
    expect(
      (await listMyAttachments({ db: t.db, user: learner, input: { lessonId } })).attachments,
    ).toEqual([]);
    // The row is gone: confirming again finds nothing.
    const again = await failure(
      confirmAttachmentUpload({ ...deps(learner), input: { attachmentId: ticket.attachmentId } }),
    );
    expect(again.kind).toBe("not_found");
  });

  it("removes an upload that never arrived or arrived short", async () => {
    const { lessonId, learner } = await assignmentWithLearner();
    const missing = await start(learner, lessonId, {
      name: "a.pdf",
      type: "application/pdf",
      bytes: PDF,
    });
    const short = await start(learner, lessonId, {
      name: "b.pdf",
      type: "application/pdf",
      bytes: PDF,
    });
    await edgeStores(short.attachmentId, PDF.slice(0, 10));

    for (const { attachmentId } of [missing, short]) {
      const error = await failure(
        confirmAttachmentUpload({ ...deps(learner), input: { attachmentId } }),
      );
      expect([error.kind, error.message]).toEqual([
        "validation",
        "The file didn't arrive completely. Attach it again.",
      ]);
      expect(stored(attachmentId)).toBe(false);
    }
  });

  it("accepts Markdown as UTF-8 text and refuses a binary file sent as text", async () => {
    const { lessonId, learner } = await assignmentWithLearner();
    const markdown = new TextEncoder().encode("# Notes\n\nCafé ☕ — done.\n");
    const md = await start(learner, lessonId, {
      name: "notes.md",
      type: "text/markdown",
      bytes: markdown,
    });
    const fake = await start(learner, lessonId, {
      name: "notes.txt",
      type: "text/plain",
      bytes: PNG,
    });
    await edgeStores(md.attachmentId, markdown);
    await edgeStores(fake.attachmentId, PNG);

    const ok = await confirmAttachmentUpload({
      ...deps(learner),
      input: { attachmentId: md.attachmentId },
    });
    const refused = await failure(
      confirmAttachmentUpload({ ...deps(learner), input: { attachmentId: fake.attachmentId } }),
    );

    expect(ok).toMatchObject({ filename: "notes.md", contentType: "text/markdown" });
    expect(refused.message).toMatch(/^“notes.txt” is not a plain text file inside\./);
  });

  it("takes at most 5 files per submission, counting uploads in flight; an abandoned one frees its place", async () => {
    const { lessonId, learner } = await assignmentWithLearner();
    for (let i = 0; i < 4; i++) await attach(learner, lessonId, `part ${i}.pdf`);
    const inFlight = await start(learner, lessonId, {
      name: "5.pdf",
      type: "application/pdf",
      bytes: PDF,
    });

    const sixth = await failure(
      start(learner, lessonId, { name: "6.pdf", type: "application/pdf", bytes: PDF }),
    );
    // The fifth's link expired without a confirm: its place is free again.
    await t.db
      .update(assignmentAttachments)
      .set({ createdAt: sql`now() - interval '16 minutes'` })
      .where(eq(assignmentAttachments.id, inFlight.attachmentId));
    const retried = await start(learner, lessonId, {
      name: "6.pdf",
      type: "application/pdf",
      bytes: PDF,
    });

    expect([sixth.kind, sixth.message]).toEqual([
      "validation",
      "A submission can have at most 5 attachments. Remove one to attach another.",
    ]);
    expect(retried.filename).toBe("6.pdf");
    const rows = await t.db
      .select({ id: assignmentAttachments.id })
      .from(assignmentAttachments)
      .where(eq(assignmentAttachments.id, inFlight.attachmentId));
    expect(rows).toEqual([]);
  });

  it("is refused when the assignment takes no attachments, for a stranger, and on another kind of lesson", async () => {
    const closed = await assignmentWithLearner({ allowAttachments: false });
    const open = await assignmentWithLearner();
    const stranger = await createUser(t.db);
    const course = await createCourse(t.db, instructor);
    const text = await addLessonOfKind(t.db, course.id, "text");
    await createEnrollment(t.db, stranger, course.id);
    const file = { name: "a.pdf", type: "application/pdf" as const, bytes: PDF };

    const noAttachments = await failure(start(closed.learner, closed.lessonId, file));
    const notEnrolled = await failure(start(stranger, open.lessonId, file));
    const notAssignment = await failure(start(stranger, text.id, file));

    expect([noAttachments.kind, noAttachments.message]).toEqual([
      "forbidden",
      "This assignment doesn't take file attachments.",
    ]);
    expect(notEnrolled.kind).toBe("forbidden");
    expect(notAssignment.kind).toBe("validation");
    expect(
      (
        await listMyAttachments({
          db: t.db,
          user: closed.learner,
          input: { lessonId: closed.lessonId },
        })
      ).allowed,
    ).toBe(false);
  });
});

describe("a locked submission", () => {
  it("keeps its attachments: no new ones, no removal, and an upload confirmed after the lock is dropped", async () => {
    const { lessonId, learner, enrollmentId, courseId } = await assignmentWithLearner();
    const kept = await attach(learner, lessonId);
    const late = await start(learner, lessonId, {
      name: "late.pdf",
      type: "application/pdf",
      bytes: PDF,
    });
    await edgeStores(late.attachmentId, PDF);
    await createAssignmentSubmission(t.db, {
      lessonId,
      enrollmentId,
      userId: learner.id,
      cohort: courseId,
      status: "in_review",
    });

    const added = await failure(
      start(learner, lessonId, { name: "b.pdf", type: "application/pdf", bytes: PDF }),
    );
    const removed = await failure(
      removeAttachment({ ...deps(learner), input: { attachmentId: kept.id } }),
    );
    const confirmed = await failure(
      confirmAttachmentUpload({ ...deps(learner), input: { attachmentId: late.attachmentId } }),
    );

    const locked = "Your submission is being reviewed, so its attachments can no longer change.";
    for (const error of [added, removed, confirmed]) {
      expect([error.kind, error.message]).toEqual(["conflict", locked]);
    }
    const mine = await listMyAttachments({ db: t.db, user: learner, input: { lessonId } });
    expect(mine).toMatchObject({ locked: true, attachments: [kept] });
    expect(stored(kept.id)).toBe(true);
    expect(stored(late.attachmentId)).toBe(false);
  });
});

describe("removing an attachment", () => {
  it("deletes the learner's own file, row and object; someone else's is not found", async () => {
    const { lessonId, learner } = await assignmentWithLearner();
    const other = await assignmentWithLearner();
    const attachment = await attach(learner, lessonId);

    const byOther = await failure(
      removeAttachment({ ...deps(other.learner), input: { attachmentId: attachment.id } }),
    );
    const removed = await removeAttachment({
      ...deps(learner),
      input: { attachmentId: attachment.id },
    });

    expect(byOther.kind).toBe("not_found");
    expect(removed).toEqual({ attachmentId: attachment.id });
    expect(stored(attachment.id)).toBe(false);
    expect(
      (await listMyAttachments({ db: t.db, user: learner, input: { lessonId } })).attachments,
    ).toEqual([]);
  });
});

describe("reading a submission's attachments", () => {
  it("the author, staff and a reviewer with a live lease read them; other learners and expired leases don't", async () => {
    const { lessonId, learner, enrollmentId, courseId } = await assignmentWithLearner();
    const attachment = await attach(learner, lessonId, "essay.pdf");
    const submission = await createAssignmentSubmission(t.db, {
      lessonId,
      enrollmentId,
      userId: learner.id,
      cohort: courseId,
    });
    const reviewer = await createUser(t.db);
    const lapsed = await createUser(t.db);
    const classmate = await createUser(t.db);
    const hourAgo = new Date(Date.now() - 3600_000);
    await createAssignmentReview(t.db, {
      submissionId: submission.id,
      lessonId,
      reviewerEnrollmentId: (await createEnrollment(t.db, reviewer, courseId)).id,
    });
    await createAssignmentReview(t.db, {
      submissionId: submission.id,
      lessonId,
      reviewerEnrollmentId: (await createEnrollment(t.db, lapsed, courseId)).id,
      leasedAt: new Date(hourAgo.getTime() - 3600_000),
      leaseExpiresAt: hourAgo,
    });
    await createEnrollment(t.db, classmate, courseId);
    const input = { submissionId: submission.id };

    for (const user of [learner, instructor, reviewer]) {
      expect(await listSubmissionAttachments({ db: t.db, user, input })).toEqual([attachment]);
      expect(
        await attachmentDownload({ db: t.db, user, input: { attachmentId: attachment.id } }),
      ).toEqual({
        url: `/api/attachments/${attachment.id}`,
        filename: "essay.pdf",
        contentType: "application/pdf",
        byteSize: PDF.length,
      });
    }
    for (const user of [lapsed, classmate]) {
      expect((await failure(listSubmissionAttachments({ db: t.db, user, input }))).kind).toBe(
        "not_found",
      );
      const download = await failure(
        attachmentDownload({ db: t.db, user, input: { attachmentId: attachment.id } }),
      );
      expect([download.kind, download.message]).toEqual([
        "not_found",
        "We couldn't find that attachment.",
      ]);
    }
    const { object } = await openAttachment({ ...deps(reviewer), attachmentId: attachment.id });
    expect(new Uint8Array(await new Response(object.body).arrayBuffer())).toEqual(PDF);
  });

  it("before the learner submits, only they and the course's staff may download", async () => {
    const { lessonId, learner, courseId } = await assignmentWithLearner();
    const attachment = await attach(learner, lessonId);
    const classmate = await createUser(t.db);
    await createEnrollment(t.db, classmate, courseId);
    const input = { attachmentId: attachment.id };

    expect((await attachmentDownload({ db: t.db, user: learner, input })).url).toBe(
      attachment.downloadUrl,
    );
    expect((await attachmentDownload({ db: t.db, user: instructor, input })).url).toBe(
      attachment.downloadUrl,
    );
    expect((await failure(attachmentDownload({ db: t.db, user: classmate, input }))).kind).toBe(
      "not_found",
    );
  });

  it("an upload not yet confirmed cannot be downloaded, even by its author", async () => {
    const { lessonId, learner } = await assignmentWithLearner();
    const ticket = await start(learner, lessonId, {
      name: "a.pdf",
      type: "application/pdf",
      bytes: PDF,
    });
    await edgeStores(ticket.attachmentId, PDF);

    const error = await failure(
      attachmentDownload({ db: t.db, user: learner, input: { attachmentId: ticket.attachmentId } }),
    );

    expect(error.kind).toBe("not_found");
  });
});
