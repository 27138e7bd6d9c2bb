import { env } from "cloudflare:workers";
import { hlsKey } from "@lumen/media-tokens";
import { describe, expect, it } from "vitest";
import { mediaToken, newAssetId, putHls, textOf } from "./media";
import { edge } from "./origin-mock";

const PLAYLIST = "360p-g1/index.m3u8";

/** An HLS media playlist as ffmpeg writes it while encoding (EVENT), `segments` long. */
function eventPlaylist(segments: number, ended = false): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:6"];
  lines.push("#EXT-X-MEDIA-SEQUENCE:0", "#EXT-X-PLAYLIST-TYPE:EVENT");
  for (let i = 0; i < segments; i++) lines.push("#EXTINF:6.000000,", `seg_0000${i}.ts`);
  if (ended) lines.push("#EXT-X-ENDLIST");
  return `${lines.join("\n")}\n`;
}

describe("a rendition playlist while its rendition encodes", () => {
  it("is read from R2 on every request and marked no-cache until it has ENDLIST", async () => {
    const assetId = newAssetId();
    const url = async () => `/v/${await mediaToken("play", assetId)}/${PLAYLIST}`;
    await putHls(assetId, PLAYLIST, eventPlaylist(1));
    const first = await edge(await url());
    await putHls(assetId, PLAYLIST, eventPlaylist(3));

    const second = await edge(await url());

    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("x-lumen-cache")).toBe("BYPASS");
    expect(first.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(await textOf(first)).not.toContain("seg_00001.ts");
    expect(second.headers.get("cache-control")).toBe("no-cache");
    const grown = await textOf(second);
    expect(grown).toContain("seg_00002.ts");
    expect(grown).not.toContain("#EXT-X-ENDLIST");
  });

  it("answers If-None-Match with 304 while unchanged and 200 once a segment was added", async () => {
    const assetId = newAssetId();
    const url = async () => `/v/${await mediaToken("play", assetId)}/${PLAYLIST}`;
    await putHls(assetId, PLAYLIST, eventPlaylist(2));
    const first = await edge(await url());
    const etag = first.headers.get("etag") ?? "";

    const unchanged = await edge(await url(), { headers: { "if-none-match": etag } });
    await putHls(assetId, PLAYLIST, eventPlaylist(3));
    const changed = await edge(await url(), { headers: { "if-none-match": etag } });

    expect(etag).toMatch(/^"/);
    expect(unchanged.status).toBe(304);
    expect(await textOf(unchanged)).toBe("");
    expect(changed.status).toBe(200);
    expect(await textOf(changed)).toContain("seg_00002.ts");
  });

  it("becomes immutable and cached by asset path once it has ENDLIST", async () => {
    const assetId = newAssetId();
    await putHls(assetId, PLAYLIST, eventPlaylist(2));
    await edge(`/v/${await mediaToken("play", assetId)}/${PLAYLIST}`);
    await putHls(assetId, PLAYLIST, eventPlaylist(10, true));
    const finished = await edge(`/v/${await mediaToken("play", assetId)}/${PLAYLIST}`);

    // Gone from R2: only the cache can answer, and with another token.
    await env.MEDIA.delete(hlsKey(assetId, PLAYLIST));
    const other = await mediaToken("play", assetId, { expiresIn: 1200 });
    const cached = await edge(`/v/${other}/${PLAYLIST}`);

    expect(finished.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(finished.headers.get("x-lumen-cache")).toBe("MISS");
    expect(await textOf(finished)).toContain("#EXT-X-ENDLIST");
    expect(cached.status).toBe(200);
    expect(cached.headers.get("x-lumen-cache")).toBe("HIT");
    expect(cached.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await textOf(cached)).toBe(eventPlaylist(10, true));
  });

  it("HEAD of a growing playlist has its headers and no body", async () => {
    const assetId = newAssetId();
    await putHls(assetId, PLAYLIST, eventPlaylist(1));

    const res = await edge(`/v/${await mediaToken("play", assetId)}/${PLAYLIST}`, {
      method: "HEAD",
    });

    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await textOf(res)).toBe("");
  });
});
