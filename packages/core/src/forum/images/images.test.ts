import { forumImages } from "@lumen/db";
import { verifyMediaToken } from "@lumen/media-tokens";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainError, SessionUser } from "../../kernel";
import {
  createForumCourse,
  createTestWorld,
  type ForumCast,
  TEST_MEDIA_KEYS,
  type TestWorld,
} from "../../testing";
import { muteUser } from "../mute";
import {
  confirmForumImageUpload,
  FORUM_IMAGE_MAX_BYTES,
  type ForumImageType,
  openForumImage,
  startForumImageInput,
  startForumImageUpload,
} from ".";

let t: TestWorld;
let cast: ForumCast;
let lea: SessionUser;
beforeAll(async () => {
  t = await createTestWorld();
  cast = await createForumCourse(t.db, { learners: 2 });
  lea = cast.learners[0] as SessionUser;
});
afterAll(() => t.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const GIF = new TextEncoder().encode("GIF89a\u0001\u0000\u0001\u0000");

const deps = (user: SessionUser) => ({ db: t.db, media: t.media, user });

function start(user: SessionUser, bytes: Uint8Array, type: ForumImageType = "image/png") {
  return startForumImageUpload({
    ...deps(user),
    input: {
      courseId: cast.course.id,
      filename: "diagram.png",
      contentType: type,
      byteSize: bytes.length,
    },
  });
}

/** What the edge does with the browser's PUT: the bytes land at `forum-images/<id>`. */
const edgeStores = (imageId: string, bytes: Uint8Array) =>
  t.mediaStore.putFile({ purpose: "forum-image", id: imageId }, bytes, "application/octet-stream");
const stored = (imageId: string) => t.mediaStore.objects.has(`forum-images/${imageId}`);
const rowOf = async (imageId: string) =>
  (await t.db.select().from(forumImages).where(eq(forumImages.id, imageId)))[0];

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error("expected the call to fail");
}

describe("forum images", () => {
  it("a member uploads an image, confirms it, and members of the course read it back", async () => {
    const ticket = await start(lea, PNG);
    const verified = await verifyMediaToken(ticket.uploadUrl.split("/attachments/")[1] ?? "", {
      keys: TEST_MEDIA_KEYS,
      purpose: "forum-image-upload",
    });
    expect(verified).toMatchObject({ ok: true, claims: { assetId: ticket.imageId, bytes: 12 } });
    await edgeStores(ticket.imageId, PNG);
    const image = await confirmForumImageUpload({
      ...deps(lea),
      input: { imageId: ticket.imageId },
    });
    expect(image).toMatchObject({
      id: ticket.imageId,
      courseId: cast.course.id,
      contentType: "image/png",
      byteSize: 12,
      url: `/api/forum-images/${ticket.imageId}`,
    });
    const row = await rowOf(ticket.imageId);
    expect(row).toMatchObject({ uploaderId: lea.id, courseId: cast.course.id, byteSize: 12 });
    expect(row?.storedAt).not.toBeNull();

    const other = cast.learners[1] as SessionUser;
    const { object } = await openForumImage({ ...deps(other), imageId: ticket.imageId });
    expect(new Uint8Array(await new Response(object.body).arrayBuffer())).toEqual(PNG);
    await openForumImage({ ...deps(cast.instructor), imageId: ticket.imageId });
    // Confirming again changes nothing.
    const again = await confirmForumImageUpload({
      ...deps(lea),
      input: { imageId: ticket.imageId },
    });
    expect(again).toEqual(image);
  });

  it("outsiders and learners who left cannot start uploads nor read images", async () => {
    for (const user of [cast.outsider, cast.former]) {
      const error = await failure(start(user, PNG));
      expect(error.kind).toBe("forbidden");
    }
    const ticket = await start(lea, GIF, "image/gif");
    await edgeStores(ticket.imageId, GIF);
    await confirmForumImageUpload({ ...deps(lea), input: { imageId: ticket.imageId } });
    const error = await failure(
      openForumImage({ ...deps(cast.outsider), imageId: ticket.imageId }),
    );
    expect(error.kind).toBe("forbidden");
    // Someone else's pending or stored upload cannot be confirmed by another member.
    const other = cast.learners[1] as SessionUser;
    const notMine = await failure(
      confirmForumImageUpload({ ...deps(other), input: { imageId: ticket.imageId } }),
    );
    expect(notMine.kind).toBe("not_found");
  });

  it("a muted member cannot start an upload; nothing is kept", async () => {
    const muted = cast.learners[1] as SessionUser;
    await muteUser({
      db: t.db,
      user: cast.instructor,
      input: { courseId: cast.course.id, userId: muted.id, reason: "Spam." },
    });
    const before = await t.db
      .select()
      .from(forumImages)
      .where(eq(forumImages.uploaderId, muted.id));
    const error = await failure(start(muted, PNG));
    expect(error.kind).toBe("forbidden");
    expect(error.message).toMatch(/muted you/);
    const after = await t.db.select().from(forumImages).where(eq(forumImages.uploaderId, muted.id));
    expect(after).toEqual(before);
  });

  it("bytes that are not the declared image are refused on confirm: row and object removed", async () => {
    const html = new TextEncoder().encode("<svg onload=alert(1)>");
    const ticket = await start(lea, html);
    await edgeStores(ticket.imageId, html);
    const error = await failure(
      confirmForumImageUpload({ ...deps(lea), input: { imageId: ticket.imageId } }),
    );
    expect(error.kind).toBe("validation");
    expect(error.message).toBe(
      "“diagram.png” is not a PNG image inside. Add a PNG, JPEG, WebP or GIF image.",
    );
    expect(await rowOf(ticket.imageId)).toBeUndefined();
    expect(stored(ticket.imageId)).toBe(false);
    const read = await failure(openForumImage({ ...deps(lea), imageId: ticket.imageId }));
    expect(read.kind).toBe("not_found");
  });

  it("an upload that never arrived whole is refused on confirm and forgotten", async () => {
    const ticket = await start(lea, PNG);
    await edgeStores(ticket.imageId, PNG.slice(0, 8));
    const error = await failure(
      confirmForumImageUpload({ ...deps(lea), input: { imageId: ticket.imageId } }),
    );
    expect(error.message).toBe("The image didn't arrive completely. Add it again.");
    expect(await rowOf(ticket.imageId)).toBeUndefined();
    expect(stored(ticket.imageId)).toBe(false);
  });

  it("the start input refuses images over 5 MiB, other types and empty files", () => {
    const base = { courseId: cast.course.id, filename: "big.png", contentType: "image/png" };
    const tooBig = startForumImageInput.safeParse({ ...base, byteSize: FORUM_IMAGE_MAX_BYTES + 1 });
    expect(tooBig.error?.issues[0]?.message).toBe("Images can be at most 5 MiB.");
    const svg = startForumImageInput.safeParse({
      ...base,
      contentType: "image/svg+xml",
      byteSize: 10,
    });
    expect(svg.error?.issues[0]?.message).toBe("Add a PNG, JPEG, WebP or GIF image.");
    const empty = startForumImageInput.safeParse({ ...base, byteSize: 0 });
    expect(empty.error?.issues[0]?.message).toBe("That image is empty.");
    expect(
      startForumImageInput.safeParse({ ...base, byteSize: FORUM_IMAGE_MAX_BYTES }).success,
    ).toBe(true);
  });
});
