import { env } from "cloudflare:workers";
import { ATTACHMENT_MAX_BYTES, FORUM_IMAGE_MAX_BYTES } from "@lumen/media-tokens";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bytesOf, viaEntry as edge, foreignKey, mediaToken, newAssetId, warmEntry } from "./media";
import { errorCode } from "./new-upload";

beforeAll(warmEntry);

afterEach(() => {
  vi.restoreAllMocks();
});

const FILE_BYTES = 3000;

/** An attachment the API has started: its id, bytes and the browser's upload token. */
async function newAttachment(bytes = FILE_BYTES, options: { expiresIn?: number } = {}) {
  const id = newAssetId();
  const token = await mediaToken("attachment-upload", id, { bytes, ...options });
  const file = bytesOf(bytes, 3);
  return {
    id,
    file,
    put: (body: BodyInit | null, headers: Record<string, string> = {}) =>
      edge(`/attachments/${token}`, { method: "PUT", body, headers }),
    stored: () => env.MEDIA.get(`attachments/${id}`),
  };
}

describe("PUT /attachments/:token", () => {
  it("stores the whole file at attachments/<id> in one request and answers its size", async () => {
    const attachment = await newAttachment();

    const res = await attachment.put(attachment.file, { "content-type": "application/pdf" });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ size: FILE_BYTES });
    const object = await attachment.stored();
    expect(new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      attachment.file,
    );
    // The declared type is the browser's word; the API decides the type from the bytes.
    expect(object?.httpMetadata?.contentType).toBe("application/octet-stream");
  });

  it("refuses a body shorter (400) or longer (413) than the token's size, and stores nothing", async () => {
    const attachment = await newAttachment();

    const short = await attachment.put(attachment.file.slice(0, FILE_BYTES - 1));
    const long = await attachment.put(bytesOf(FILE_BYTES + 1));

    expect([short.status, long.status]).toEqual([400, 413]);
    expect(await short.json()).toEqual({
      error: {
        code: "wrong_size",
        message: `This upload must be exactly ${FILE_BYTES} bytes; got ${FILE_BYTES - 1}.`,
      },
    });
    expect(await errorCode(long)).toBe("wrong_size");
    expect(await attachment.stored()).toBeNull();
  });

  it("requires a Content-Length (411)", async () => {
    const attachment = await newAttachment();
    const { file } = attachment;
    // A stream the runtime cannot measure goes out chunked, without a Content-Length.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(file);
        controller.close();
      },
    });

    const res = await attachment.put(stream);

    expect(res.status).toBe(411);
    expect(await errorCode(res)).toBe("length_required");
    expect(await attachment.stored()).toBeNull();
  });

  it("refuses a token for more than 20 MiB with 413 before reading the body", async () => {
    const attachment = await newAttachment(ATTACHMENT_MAX_BYTES + 1);

    const res = await attachment.put(bytesOf(10));

    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: "attachment_too_large", message: "Attachments can be at most 20 MiB." },
    });
    expect(await attachment.stored()).toBeNull();
  });

  it("a forum image's upload token stores at forum-images/<id>, at most 5 MiB", async () => {
    const id = newAssetId();
    const put = async (bytes: number) => {
      const token = await mediaToken("forum-image-upload", id, { bytes });
      return edge(`/attachments/${token}`, { method: "PUT", body: bytesOf(bytes, 5) });
    };

    const tooBig = await put(FORUM_IMAGE_MAX_BYTES + 1);
    const stored = await put(40);

    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({
      error: { code: "attachment_too_large", message: "Forum images can be at most 5 MiB." },
    });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ size: 40 });
    const object = await env.MEDIA.get(`forum-images/${id}`);
    expect(new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      bytesOf(40, 5),
    );
    expect(await env.MEDIA.get(`attachments/${id}`)).toBeNull();
  });

  it("refuses expired, foreign-key and other-purpose tokens with the same 403", async () => {
    const id = newAssetId();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const tokens = [
      await mediaToken("attachment-upload", id, { bytes: 10, expiresIn: -1 }),
      await mediaToken("attachment-upload", id, { bytes: 10, key: foreignKey }),
      // The API's storage token for the same file, and every other purpose.
      await mediaToken("attachment", id, { bytes: 10 }),
      await mediaToken("upload", id, { bytes: 10 }),
      await mediaToken("document", id),
      await mediaToken("store", id),
    ];
    for (const token of tokens) {
      const res = await edge(`/attachments/${token}`, { method: "PUT", body: bytesOf(10) });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: "forbidden", message: "This upload link has expired or is not valid." },
      });
    }
    expect(await env.MEDIA.head(`attachments/${id}`)).toBeNull();
  });

  it("stores a file once: a second PUT with the token is a 409 and the first bytes stay", async () => {
    const attachment = await newAttachment();
    await attachment.put(attachment.file);

    const again = await attachment.put(bytesOf(FILE_BYTES, 9));

    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe("already_uploaded");
    const object = await attachment.stored();
    expect(new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      attachment.file,
    );
  });

  it("answers a browser's CORS preflight for a PUT from any origin", async () => {
    const attachment = await newAttachment();
    const token = (await mediaToken("attachment-upload", attachment.id, { bytes: 10 })).toString();

    const res = await edge(`/attachments/${token}`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "content-type",
      },
    });

    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(res.headers.get("access-control-allow-headers")).toContain("content-type");
  });
});

describe("/internal/files/:token with attachment tokens", () => {
  it("the API's attachment token reads (whole and by range), and deletes; the browser's does neither", async () => {
    const attachment = await newAttachment();
    await attachment.put(attachment.file);
    const stored = await mediaToken("attachment", attachment.id);
    const browser = await mediaToken("attachment-upload", attachment.id, { bytes: FILE_BYTES });
    vi.spyOn(console, "warn").mockImplementation(() => {});

    const head = await edge(`/internal/files/${stored}`, { headers: { range: "bytes=0-15" } });
    const refusedRead = await edge(`/internal/files/${browser}`);
    const refusedDelete = await edge(`/internal/files/${browser}`, { method: "DELETE" });

    expect(head.status).toBe(206);
    expect(new Uint8Array(await head.arrayBuffer())).toEqual(attachment.file.slice(0, 16));
    expect([refusedRead.status, refusedDelete.status]).toEqual([403, 403]);
    await refusedRead.arrayBuffer();
    await refusedDelete.arrayBuffer();
    expect(await attachment.stored()).not.toBeNull();

    const deleted = await edge(`/internal/files/${stored}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await attachment.stored()).toBeNull();
  });
});
