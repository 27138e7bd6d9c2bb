import { openForumImage } from "@lumen/core/forum";
import type { SessionUser } from "@lumen/core/kernel";
import { createForumCourse } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EdgeStack, startEdgeStack } from "./edge-stack";

// Forum images through the real edge (wrangler dev, local R2): the browser's PUT with the
// link `startImage` signed, the API's HEAD and ranged read on confirm, and the read back.
let stack: EdgeStack;
let member: SessionUser;
let classmate: SessionUser;
let outsider: SessionUser;
let courseId: string;

beforeAll(async () => {
  stack = await startEdgeStack({ ffmpeg: null });
  const cast = await createForumCourse(stack.db, { learners: 2 });
  [member, classmate] = cast.learners as [SessionUser, SessionUser];
  outsider = cast.outsider;
  courseId = cast.course.id;
}, 180_000);
afterAll(() => stack?.close());

async function upload(bytes: Uint8Array, contentType: "image/png" | "image/jpeg") {
  const files = stack.callerFor(member).forumFiles;
  const ticket = await files.startImage({
    courseId,
    filename: "photo.jpg",
    contentType,
    byteSize: bytes.length,
  });
  const put = () => fetch(ticket.uploadUrl, { method: "PUT", body: bytes });
  return { files, ticket, put };
}

describe("forum images through the edge", { timeout: 90_000 }, () => {
  it("a member's upload is confirmed by its bytes, read back by a classmate, refused to an outsider", async () => {
    const jpeg = new Uint8Array(9_000).fill(3);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const { files, ticket, put } = await upload(jpeg, "image/jpeg");

    const first = await put();
    const image = await files.confirmImage({ imageId: ticket.imageId });
    const again = await put();
    const { object } = await openForumImage({
      db: stack.db,
      media: stack.media,
      user: classmate,
      imageId: image.id,
    });

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ size: jpeg.length });
    expect(again.status).toBe(409);
    await again.arrayBuffer();
    expect(image).toMatchObject({
      contentType: "image/jpeg",
      url: `/api/forum-images/${image.id}`,
    });
    expect(new Uint8Array(await new Response(object.body).arrayBuffer())).toEqual(jpeg);
    await expect(
      openForumImage({ db: stack.db, media: stack.media, user: outsider, imageId: image.id }),
    ).rejects.toThrow("Enroll in this course to read and post in its forum.");
  });

  it("a body of another size is refused by the edge; bytes of another type are deleted on confirm", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
    const short = await upload(png, "image/png");
    const wrongSize = await fetch(short.ticket.uploadUrl, { method: "PUT", body: png.slice(0, 4) });
    expect(wrongSize.status).toBe(400);
    await wrongSize.arrayBuffer();

    const text = new TextEncoder().encode("<svg>hi</svg>");
    const { files, ticket, put } = await upload(text, "image/png");
    expect((await put()).status).toBe(200);
    await expect(files.confirmImage({ imageId: ticket.imageId })).rejects.toThrow(
      /^“photo\.jpg” is not a PNG image inside\./,
    );
    expect(
      await stack.media.store.headFile({ purpose: "forum-image", id: ticket.imageId }),
    ).toBeNull();
  });
});
