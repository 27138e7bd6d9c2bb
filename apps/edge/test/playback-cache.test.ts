import { env } from "cloudflare:workers";
import { hlsKey } from "@lumen/media-tokens";
import { describe, expect, it } from "vitest";
import { bytesOf, mediaToken, newAssetId, putHls, textOf } from "./media";
import { edge } from "./origin-mock";

const SEGMENT = "360p-g1/seg_00000.ts";

async function segmentAsset(size = 1000) {
  const assetId = newAssetId();
  const bytes = bytesOf(size, 3);
  await putHls(assetId, SEGMENT, bytes);
  return { assetId, bytes, play: () => mediaToken("play", assetId) };
}

const bytesIn = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("playback cache", () => {
  it("a segment fetched with one token is a HIT for another token, even after R2 lost it", async () => {
    const { assetId, bytes, play } = await segmentAsset();
    const first = await edge(`/v/${await play()}/${SEGMENT}`);
    expect(first.headers.get("x-lumen-cache")).toBe("MISS");
    expect(await bytesIn(first)).toEqual(bytes);
    // A different token: a later expiry, so a different string.
    const other = await mediaToken("play", assetId, { expiresIn: 1200 });

    await env.MEDIA.delete(hlsKey(assetId, SEGMENT));
    const second = await edge(`/v/${other}/${SEGMENT}`);

    expect(second.status).toBe(200);
    expect(second.headers.get("x-lumen-cache")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(second.headers.get("content-type")).toBe("video/mp2t");
    expect(await bytesIn(second)).toEqual(bytes);
  });

  it("the master playlist is never cached: each request reads the current one", async () => {
    const assetId = newAssetId();
    await putHls(assetId, "master.m3u8", "#EXTM3U\n# one rendition\n");
    const first = await edge(`/v/${await mediaToken("play", assetId)}/master.m3u8`);
    await putHls(assetId, "master.m3u8", "#EXTM3U\n# two renditions\n");

    const second = await edge(`/v/${await mediaToken("play", assetId)}/master.m3u8`);

    expect(await textOf(first)).toContain("one rendition");
    expect(await textOf(second)).toContain("two renditions");
    expect(second.headers.get("cache-control")).toBe("no-cache");
    expect(second.headers.get("x-lumen-cache")).toBe("BYPASS");
  });

  it("answers a matching If-None-Match with 304 and no body, from R2 and from the cache", async () => {
    const { play } = await segmentAsset();
    const first = await edge(`/v/${await play()}/${SEGMENT}`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"/);

    const cached = await edge(`/v/${await play()}/${SEGMENT}`, {
      headers: { "if-none-match": etag },
    });
    const master = await segmentAsset();
    await putHls(master.assetId, "master.m3u8", "#EXTM3U\n");
    const playlist = await edge(`/v/${await master.play()}/master.m3u8`);
    const revalidated = await edge(`/v/${await master.play()}/master.m3u8`, {
      headers: { "if-none-match": playlist.headers.get("etag") ?? "" },
    });

    expect(cached.status).toBe(304);
    expect(cached.headers.get("x-lumen-cache")).toBe("HIT");
    expect(await textOf(cached)).toBe("");
    expect(revalidated.status).toBe(304);
    expect(await textOf(revalidated)).toBe("");
  });
});

describe("byte ranges", () => {
  const cases = [
    { range: "bytes=10-19", offset: 10, end: 19 },
    { range: "bytes=990-", offset: 990, end: 999 },
    { range: "bytes=-5", offset: 995, end: 999 },
    { range: "bytes=900-5000", offset: 900, end: 999 },
  ];

  it("answers a range with 206 and Content-Range, on a miss (R2) and on a hit (cache)", async () => {
    for (const { range, offset, end } of cases) {
      const { bytes, play } = await segmentAsset();
      for (const expected of ["MISS", "HIT"]) {
        const res = await edge(`/v/${await play()}/${SEGMENT}`, { headers: { range } });
        expect({ range, expected, status: res.status }).toEqual({ range, expected, status: 206 });
        expect(res.headers.get("x-lumen-cache")).toBe(expected);
        expect(res.headers.get("content-range")).toBe(`bytes ${offset}-${end}/1000`);
        expect(res.headers.get("content-length")).toBe(String(end - offset + 1));
        expect(res.headers.get("accept-ranges")).toBe("bytes");
        expect(await bytesIn(res)).toEqual(bytes.slice(offset, end + 1));
      }
    }
  });

  it("answers an unsatisfiable range with 416 and the object's size, without bytes", async () => {
    const { play } = await segmentAsset();
    const miss = await edge(`/v/${await play()}/${SEGMENT}`, { headers: { range: "bytes=1000-" } });
    await edge(`/v/${await play()}/${SEGMENT}`);
    const hit = await edge(`/v/${await play()}/${SEGMENT}`, {
      headers: { range: "bytes=5000-6000" },
    });

    for (const res of [miss, hit]) {
      expect(res.status).toBe(416);
      expect(res.headers.get("content-range")).toBe("bytes */1000");
      expect((await bytesIn(res)).byteLength).toBe(0);
    }
    expect(hit.headers.get("x-lumen-cache")).toBe("HIT");
  });

  it("serves the whole object for a Range it does not support (several ranges, other units)", async () => {
    const { bytes, play } = await segmentAsset();
    for (const range of ["bytes=0-1,5-6", "items=0-1", "bytes=5-2"]) {
      const res = await edge(`/v/${await play()}/${SEGMENT}`, { headers: { range } });
      expect({ range, status: res.status }).toEqual({ range, status: 200 });
      expect(await bytesIn(res)).toEqual(bytes);
    }
  });
});
