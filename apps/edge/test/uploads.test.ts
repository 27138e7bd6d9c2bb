import { env } from "cloudflare:workers";
import { UPLOAD_PART_BYTES } from "@lumen/media-tokens";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { viaEntry as edge, mediaToken, newAssetId, storedPaths, warmEntry } from "./media";
import { errorCode, FILE_BYTES, LAST_PART_BYTES, newUpload } from "./new-upload";

beforeAll(warmEntry);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("POST /uploads/:token (start or resume)", () => {
  it("opens an upload: the part size, how many parts, none stored yet", async () => {
    const upload = await newUpload();

    const res = await upload.start();

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      partBytes: UPLOAD_PART_BYTES,
      totalParts: 2,
      parts: [],
      uploadedBytes: 0,
      completed: false,
    });
    expect(await storedPaths(upload.assetId)).toEqual(["upload/session.json"]);
    const session = await (
      await env.MEDIA.get(`videos/${upload.assetId}/upload/session.json`)
    )?.json();
    expect(session).toMatchObject({
      bytes: FILE_BYTES,
      partBytes: UPLOAD_PART_BYTES,
      completed: false,
    });
  });

  it("after a reload, starting again lists the stored parts so only the rest is sent", async () => {
    const upload = await newUpload();
    await upload.start();
    expect((await upload.put(2, upload.part(2))).status).toBe(200);

    const resumed = await upload.start();

    expect(await resumed.json()).toEqual({
      partBytes: UPLOAD_PART_BYTES,
      totalParts: 2,
      parts: [{ partNumber: 2, size: LAST_PART_BYTES }],
      uploadedBytes: LAST_PART_BYTES,
      completed: false,
    });
  });

  it("refuses a play or store token, or an expired upload token, with 403", async () => {
    const assetId = newAssetId();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const token of [
      await mediaToken("play", assetId),
      await mediaToken("store", assetId),
      await mediaToken("upload", assetId, { bytes: 10, expiresIn: -1 }),
    ]) {
      const res = await edge(`/uploads/${token}`, { method: "POST" });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("forbidden");
    }
    expect(await storedPaths(assetId)).toEqual([]);
  });

  it("refuses a token for another size while an upload of this asset is open", async () => {
    const upload = await newUpload();
    await upload.start();
    const resized = await mediaToken("upload", upload.assetId, { bytes: 5000 });

    const res = await edge(`/uploads/${resized}`, { method: "POST" });

    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("upload_mismatch");
  });
});

describe("PUT /uploads/:token/parts/:n", () => {
  it("stores a part of exactly the expected size and answers its number and size", async () => {
    const upload = await newUpload();
    await upload.start();

    const res = await upload.put(1, upload.part(1));

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ partNumber: 1, size: UPLOAD_PART_BYTES });
    const record = await (
      await env.MEDIA.get(`videos/${upload.assetId}/upload/parts/00001.json`)
    )?.json();
    expect(record).toMatchObject({
      partNumber: 1,
      size: UPLOAD_PART_BYTES,
      etag: expect.any(String),
    });
  });

  it("rejects a part of the wrong size and stores nothing", async () => {
    const upload = await newUpload();
    await upload.start();

    const short = await upload.put(2, upload.file.slice(0, LAST_PART_BYTES - 1));
    const long = await upload.put(2, upload.file.slice(0, LAST_PART_BYTES + 1));
    const smallFirst = await upload.put(1, upload.file.slice(0, 100));

    expect([short.status, long.status, smallFirst.status]).toEqual([400, 413, 400]);
    expect(await short.json()).toEqual({
      error: {
        code: "wrong_part_size",
        message: `Part 2 must be exactly ${LAST_PART_BYTES} bytes; got ${LAST_PART_BYTES - 1}.`,
      },
    });
    expect(await errorCode(long)).toBe("part_too_large");
    expect(await (await upload.start()).json()).toMatchObject({ parts: [], uploadedBytes: 0 });
  });

  it("requires a Content-Length (411)", async () => {
    const upload = await newUpload();
    await upload.start();
    // A stream the runtime cannot measure goes out chunked, without a Content-Length.
    const part = upload.part(2);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(part);
        controller.close();
      },
    });

    const res = await upload.put(2, stream);

    expect(res.status).toBe(411);
    expect(await errorCode(res)).toBe("length_required");
    expect(await (await upload.start()).json()).toMatchObject({ parts: [] });
  });

  it("rejects part numbers outside 1..totalParts", async () => {
    const upload = await newUpload();
    await upload.start();
    for (const n of ["0", "3", "-1", "1.5", "abc", "99999", "01"]) {
      const res = await upload.put(n, upload.part(2));
      expect({ n, status: res.status }).toEqual({ n, status: 400 });
      expect(await res.json()).toEqual({
        error: { code: "invalid_part", message: "Part numbers for this upload are 1 to 2." },
      });
    }
  });

  it("answers 409 before the upload was started", async () => {
    const upload = await newUpload();

    const res = await upload.put(2, upload.part(2));

    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("upload_not_started");
    expect(await storedPaths(upload.assetId)).toEqual([]);
  });
});

describe("upload CORS", () => {
  it("lets any origin send parts: preflight 204 allowing PUT and content-type", async () => {
    const upload = await newUpload();
    const token = await mediaToken("upload", upload.assetId, { bytes: FILE_BYTES });

    const preflight = await edge(`/uploads/${token}/parts/1`, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.lumen.example",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "content-type",
      },
    });
    const refused = await edge(`/uploads/not-a-token`, {
      method: "POST",
      headers: { origin: "https://app.lumen.example" },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type");
    // Errors carry CORS headers too, so the page can read why.
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
  });
});
