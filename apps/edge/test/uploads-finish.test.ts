import { env } from "cloudflare:workers";
import { sourceKey, UPLOAD_PART_BYTES } from "@lumen/media-tokens";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bytesOf, sha256, storedPaths, warmEntry } from "./media";
import { FILE_BYTES, LAST_PART_BYTES, newUpload } from "./new-upload";

beforeAll(warmEntry);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /uploads/:token/complete", () => {
  it("lists the missing parts with 409 while any part is missing", async () => {
    const upload = await newUpload();
    await upload.start();
    await upload.put(2, upload.part(2));

    const res = await upload.complete();

    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: {
        code: "upload_incomplete",
        message: "1 of 2 parts are missing; send them, then complete again.",
        missingParts: [1],
        missingCount: 1,
      },
    });
    expect(await env.MEDIA.head(sourceKey(upload.assetId))).toBeNull();
  });

  it("assembles the parts into exactly the uploaded bytes; completing again is harmless", async () => {
    const upload = await newUpload();
    await upload.start();
    // Out of order, and part 2 re-sent with other bytes first: the last one sent wins.
    await upload.put(2, bytesOf(LAST_PART_BYTES, 99));
    await upload.put(2, upload.part(2));
    await upload.put(1, upload.part(1));

    const done = await upload.complete();
    const again = await upload.complete();
    const restarted = await upload.start();

    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ size: FILE_BYTES });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ size: FILE_BYTES });
    const source = await env.MEDIA.get(sourceKey(upload.assetId));
    expect(source?.size).toBe(FILE_BYTES);
    expect(await sha256(await (source as R2ObjectBody).arrayBuffer())).toBe(
      await sha256(upload.file),
    );
    expect(await storedPaths(upload.assetId)).toEqual(["source", "upload/session.json"]);
    expect(await restarted.json()).toMatchObject({
      completed: true,
      uploadedBytes: FILE_BYTES,
      parts: [
        { partNumber: 1, size: UPLOAD_PART_BYTES },
        { partNumber: 2, size: LAST_PART_BYTES },
      ],
    });
    expect((await upload.put(2, upload.part(2))).status).toBe(409);
  });

  it("a single-part upload completes too", async () => {
    const upload = await newUpload(LAST_PART_BYTES);
    await upload.start();
    await upload.put(1, upload.file);

    const res = await upload.complete();

    expect(await res.json()).toEqual({ size: LAST_PART_BYTES });
    const source = await env.MEDIA.get(sourceKey(upload.assetId));
    expect(new Uint8Array(await (source as R2ObjectBody).arrayBuffer())).toEqual(upload.file);
  });
});

describe("DELETE /uploads/:token", () => {
  it("aborts the upload and leaves nothing behind; a new start begins from zero", async () => {
    const upload = await newUpload();
    await upload.start();
    await upload.put(2, upload.part(2));

    const res = await upload.abort();

    expect(res.status).toBe(204);
    expect(await storedPaths(upload.assetId)).toEqual([]);
    expect(await (await upload.start()).json()).toMatchObject({ parts: [], uploadedBytes: 0 });
  });

  it("after completion removes the source too, and a second abort is still 204", async () => {
    const upload = await newUpload(LAST_PART_BYTES);
    await upload.start();
    await upload.put(1, upload.file);
    await upload.complete();

    const first = await upload.abort();
    const second = await upload.abort();

    expect([first.status, second.status]).toEqual([204, 204]);
    expect(await storedPaths(upload.assetId)).toEqual([]);
  });
});
