import { env } from "cloudflare:workers";
import { sourceKey } from "@lumen/media-tokens";
import { afterEach, describe, expect, it, vi } from "vitest";
import { foreignKey, mediaToken, newAssetId, putHls, textOf } from "./media";
import { edge } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
});

const FORBIDDEN = {
  error: { code: "forbidden", message: "This playback link has expired or is not valid." },
};

/** An asset with one segment whose bytes are recognisable in any response. */
async function assetWithSegment() {
  const assetId = newAssetId();
  const segment = `SEGMENT-BYTES-${assetId}`;
  await putHls(assetId, "360p-g1/seg_00000.ts", segment);
  return { assetId, segment };
}

/** Silences and returns the token-refusal log lines. */
function refusalLog() {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  return () => warn.mock.calls.map(([line]) => JSON.parse(String(line)) as { reason: string });
}

describe("GET /v/:token/<path> token checks", () => {
  it("serves a segment for a valid play token", async () => {
    const { assetId, segment } = await assetWithSegment();
    const res = await edge(`/v/${await mediaToken("play", assetId)}/360p-g1/seg_00000.ts`);
    expect(res.status).toBe(200);
    expect(await textOf(res)).toBe(segment);
  });

  it("refuses expired, tampered, unknown-key and non-play tokens with the same 403 and no media bytes", async () => {
    const { assetId, segment } = await assetWithSegment();
    const other = newAssetId();
    const valid = await mediaToken("play", assetId);
    const mac = valid.slice(-43);
    const flipped = `${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    const tokens = {
      expired: await mediaToken("play", assetId, { expiresIn: -5 }),
      tamperedMac: `${valid.slice(0, -43)}${flipped}`,
      // The asset field edited to point elsewhere: the MAC no longer matches.
      tamperedAsset: valid.replace(assetId.replaceAll("-", ""), other.replaceAll("-", "")),
      unknownKey: await mediaToken("play", assetId, { key: foreignKey }),
      upload: await mediaToken("upload", assetId, { bytes: 100 }),
      store: await mediaToken("store", assetId),
      malformed: "not-a-token",
    };
    const reasons = refusalLog();

    for (const [name, token] of Object.entries(tokens)) {
      const res = await edge(`/v/${token}/360p-g1/seg_00000.ts`);
      const text = await textOf(res);
      expect({ name, status: res.status }).toEqual({ name, status: 403 });
      expect(JSON.parse(text)).toEqual(FORBIDDEN);
      expect(text).not.toContain(segment);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect(reasons().map((r) => r.reason)).toEqual([
      "expired",
      "bad_signature",
      "bad_signature",
      "unknown_key",
      "wrong_purpose",
      "wrong_purpose",
      "malformed",
    ]);
  });

  it("a valid token for another asset reaches only that asset's files", async () => {
    const { segment } = await assetWithSegment();
    const res = await edge(`/v/${await mediaToken("play", newAssetId())}/360p-g1/seg_00000.ts`);
    expect(res.status).toBe(404);
    expect(await textOf(res)).not.toContain(segment);
  });

  it("a refused token is refused even when cached media exists at that path", async () => {
    const { assetId, segment } = await assetWithSegment();
    await edge(`/v/${await mediaToken("play", assetId)}/360p-g1/seg_00000.ts`);
    refusalLog();

    const expired = await mediaToken("play", assetId, { expiresIn: -1 });
    const res = await edge(`/v/${expired}/360p-g1/seg_00000.ts`);

    expect(res.status).toBe(403);
    expect(await textOf(res)).not.toContain(segment);
  });
});

describe("GET /v/:token/<path> files", () => {
  it("sends each HLS file type with its content type", async () => {
    const assetId = newAssetId();
    const files: Record<string, string> = {
      "master.m3u8": "application/vnd.apple.mpegurl",
      "720p-g2/index.m3u8": "application/vnd.apple.mpegurl",
      "720p-g2/seg_00001.ts": "video/mp2t",
      "720p-g2/seg_00001.m4s": "video/iso.segment",
      "720p-g2/init.mp4": "video/mp4",
      "captions/en-g3.vtt": "text/vtt; charset=utf-8",
      "poster-g1.jpg": "image/jpeg",
    };
    for (const path of Object.keys(files)) await putHls(assetId, path, `body of ${path}`);
    const token = await mediaToken("play", assetId);

    for (const [path, type] of Object.entries(files)) {
      const res = await edge(`/v/${token}/${path}`);
      expect({ path, status: res.status, type: res.headers.get("content-type") }).toEqual({
        path,
        status: 200,
        type,
      });
      expect(await textOf(res)).toBe(`body of ${path}`);
    }
  });

  it("answers 404 for other extensions, missing files and the upload source", async () => {
    const assetId = newAssetId();
    await putHls(assetId, "notes.txt", "secret notes");
    const source = `SOURCE-BYTES-${assetId}`;
    await env.MEDIA.put(sourceKey(assetId), source);
    const token = await mediaToken("play", assetId);

    const paths = [
      "notes.txt",
      "missing/seg_00000.ts",
      "source",
      "../source",
      "%2e%2e/source",
      "360p/..%2F..%2Fsource",
      "..%2Fupload%2Fsession.json",
      "%2E%2E%2Fsource.ts",
      "a//b.ts",
    ];
    for (const path of paths) {
      const res = await edge(`/v/${token}/${path}`);
      const text = await textOf(res);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(text).not.toContain(source);
      expect(text).not.toContain("secret notes");
    }
  });

  it("answers HEAD with the length and type but no body", async () => {
    const { assetId, segment } = await assetWithSegment();
    const token = await mediaToken("play", assetId);

    for (const attempt of ["MISS", "HIT"]) {
      const res = await edge(`/v/${token}/360p-g1/seg_00000.ts`, { method: "HEAD" });
      expect({ attempt, status: res.status }).toEqual({ attempt, status: 200 });
      expect(res.headers.get("content-length")).toBe(String(segment.length));
      expect(res.headers.get("content-type")).toBe("video/mp2t");
      expect(await textOf(res)).toBe("");
      // HEAD never fills the cache, so warm it for the second round.
      await edge(`/v/${token}/360p-g1/seg_00000.ts`);
    }
  });

  it("allows any origin to play, without credentials, and exposes the range headers", async () => {
    const { assetId } = await assetWithSegment();
    const token = await mediaToken("play", assetId);

    const res = await edge(`/v/${token}/360p-g1/seg_00000.ts`, {
      headers: { origin: "https://lumen.example" },
    });
    const preflight = await edge(`/v/${token}/360p-g1/seg_00000.ts`, {
      method: "OPTIONS",
      headers: {
        origin: "https://lumen.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "range",
      },
    });

    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("access-control-expose-headers")).toContain("content-range");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("range");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });
});
