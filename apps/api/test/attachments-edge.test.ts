import { openAttachment } from "@lumen/core/assignment-attachments";
import type { SessionUser } from "@lumen/core/kernel";
import { addLessonOfKind, createCourse, createEnrollment, createUser } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EdgeStack, startEdgeStack } from "./edge-stack";

// Attachments through the real edge (wrangler dev, local R2): the browser's PUT with the link
// `start` signed, the API's ranged read and HEAD on confirm, its download read and delete.
let stack: EdgeStack;
let learner: SessionUser;
let lessonId: string;

beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null });
  const instructor = await createUser(stack.db, "instructor");
  learner = await createUser(stack.db);
  const course = await createCourse(stack.db, instructor);
  lessonId = (await addLessonOfKind(stack.db, course.id, "assignment")).id;
  await createEnrollment(stack.db, learner, course.id);
}, 180_000);
afterAll(() => stack?.close());

/** The learner's upload: start, then the browser's PUT straight to the edge. */
async function upload(
  filename: string,
  contentType: "image/gif" | "text/plain",
  bytes: Uint8Array,
) {
  const files = stack.callerFor(learner).assignmentFiles;
  const ticket = await files.start({ lessonId, filename, contentType, byteSize: bytes.length });
  const put = () =>
    fetch(ticket.url, { method: "PUT", body: bytes, headers: { "content-type": contentType } });
  return { files, ticket, put };
}

describe("assignment attachments through the edge", { timeout: 90_000 }, () => {
  it("an upload confirmed by its bytes is downloaded as stored, and cannot be replaced", async () => {
    // A GIF larger than the 4 KiB the type check reads.
    const gif = new Uint8Array(10_000).fill(7);
    gif.set(new TextEncoder().encode("GIF89a"), 0);
    const { files, ticket, put } = await upload("anim.gif", "image/gif", gif);

    const first = await put();
    const attachment = await files.confirm({ attachmentId: ticket.attachmentId });
    const again = await put();
    const { object } = await openAttachment({
      db: stack.db,
      media: stack.media,
      user: learner,
      attachmentId: attachment.id,
    });

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ size: gif.length });
    expect(again.status).toBe(409);
    await again.arrayBuffer();
    expect(attachment).toMatchObject({ filename: "anim.gif", contentType: "image/gif" });
    expect(new Uint8Array(await new Response(object.body).arrayBuffer())).toEqual(gif);

    await files.remove({ attachmentId: attachment.id });
    expect(
      await stack.media.store.headFile({ purpose: "attachment", id: attachment.id }),
    ).toBeNull();
  });

  it("an upload whose bytes are not its declared type is refused and deleted at the edge", async () => {
    const binary = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    const { files, ticket, put } = await upload("notes.txt", "text/plain", binary);
    expect((await put()).status).toBe(200);

    await expect(files.confirm({ attachmentId: ticket.attachmentId })).rejects.toThrow(
      /^“notes.txt” is not a plain text file inside\./,
    );
    expect(
      await stack.media.store.headFile({ purpose: "attachment", id: ticket.attachmentId }),
    ).toBeNull();
  });
});
