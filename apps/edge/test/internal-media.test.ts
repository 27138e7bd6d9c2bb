import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  bytesOf,
  viaEntry as edge,
  mediaToken,
  newAssetId,
  storedPaths,
  textOf,
  warmEntry,
} from "./media";

beforeAll(warmEntry);

afterEach(() => {
  vi.restoreAllMocks();
});

/** URLs built the way EdgeMediaStore (packages/media) builds them. */
async function storage(assetId = newAssetId()) {
  const token = await mediaToken("store", assetId);
  const url = (path: string) =>
    `/internal/media/${token}/${path.split("/").map(encodeURIComponent).join("/")}`;
  return {
    assetId,
    url,
    list: (prefix: string) => edge(`/internal/media/${token}?prefix=${encodeURIComponent(prefix)}`),
    put: (path: string, body: BodyInit, contentType: string) =>
      edge(url(path), { method: "PUT", body, headers: { "content-type": contentType } }),
  };
}

describe("/internal/media/:token (store tokens)", () => {
  it("stores an object with its content type and returns it whole, by HEAD and by range", async () => {
    const store = await storage();
    const bytes = bytesOf(5000, 5);

    const put = await store.put("hls/360p-g1/seg_00000.ts", bytes, "video/mp2t");
    const get = await edge(store.url("hls/360p-g1/seg_00000.ts"));
    const head = await edge(store.url("hls/360p-g1/seg_00000.ts"), { method: "HEAD" });
    const range = await edge(store.url("hls/360p-g1/seg_00000.ts"), {
      headers: { range: "bytes=100-199" },
    });

    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ path: "hls/360p-g1/seg_00000.ts", size: 5000 });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toBe("video/mp2t");
    expect(get.headers.get("content-length")).toBe("5000");
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("5000");
    expect(await head.text()).toBe("");
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toBe("bytes 100-199/5000");
    expect(new Uint8Array(await range.arrayBuffer())).toEqual(bytes.slice(100, 200));
  });

  it("replaces an object on a second PUT, and stores empty objects", async () => {
    const store = await storage();
    await store.put("hls/master.m3u8", "#EXTM3U\n# old\n", "application/vnd.apple.mpegurl");
    await store.put("hls/master.m3u8", "#EXTM3U\n# new\n", "application/vnd.apple.mpegurl");
    const empty = await store.put("hls/empty.vtt", "", "text/vtt");

    expect(await textOf(await edge(store.url("hls/master.m3u8")))).toBe("#EXTM3U\n# new\n");
    expect(empty.status).toBe(200);
    expect((await env.MEDIA.head(`videos/${store.assetId}/hls/empty.vtt`))?.size).toBe(0);
  });

  it("lists paths under a prefix, relative to the asset, sorted, across pages", {
    timeout: 30_000,
  }, async () => {
    const store = await storage();
    const other = await storage();
    const names = Array.from(
      { length: 1005 },
      (_, i) => `hls/360p-g1/seg_${String(i).padStart(5, "0")}.ts`,
    );
    // Straight into R2: 1005 requests through the Worker would only slow the test down.
    await Promise.all(names.map((name) => env.MEDIA.put(`videos/${store.assetId}/${name}`, "x")));
    await store.put("source", "raw", "application/octet-stream");
    await other.put("hls/master.m3u8", "#EXTM3U\n", "application/vnd.apple.mpegurl");

    const hls = (await (await store.list("hls/")).json()) as { paths: string[] };
    const all = (await (await store.list("")).json()) as { paths: string[] };

    expect(hls.paths).toEqual([...names].sort());
    expect(all.paths).toHaveLength(1006);
    expect(all.paths).toContain("source");
    expect(all.paths.some((p) => p.includes(other.assetId))).toBe(false);
  });

  it("deletes with 204, whether or not the object exists; a missing object is a 404", async () => {
    const store = await storage();
    await store.put("hls/poster-g1.jpg", "jpeg", "image/jpeg");

    const deleted = await edge(store.url("hls/poster-g1.jpg"), { method: "DELETE" });
    const again = await edge(store.url("hls/poster-g1.jpg"), { method: "DELETE" });
    const get = await edge(store.url("hls/poster-g1.jpg"));
    const head = await edge(store.url("hls/poster-g1.jpg"), { method: "HEAD" });

    expect([deleted.status, again.status, get.status, head.status]).toEqual([204, 204, 404, 404]);
    expect(await storedPaths(store.assetId)).toEqual([]);
  });

  it("requires a Content-Length on PUT and stores nothing without one", async () => {
    const store = await storage();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]));
        controller.close();
      },
    });

    const res = await edge(store.url("source"), { method: "PUT", body: stream });

    expect(res.status).toBe(411);
    expect(await storedPaths(store.assetId)).toEqual([]);
  });

  it("refuses paths that leave the asset with 400", async () => {
    const store = await storage();
    const token = await mediaToken("store", store.assetId);
    for (const path of ["..%2F..%2Fother", "hls/..%2F..%2Fx", "a//b", "%00x"]) {
      const res = await edge(`/internal/media/${token}/${path}`, { method: "PUT", body: "x" });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
    const list = await store.list("../");
    expect(list.status).toBe(400);
  });

  it("refuses play and upload tokens, and expired store tokens, with 403", async () => {
    const assetId = newAssetId();
    await env.MEDIA.put(`videos/${assetId}/source`, "RAW-SOURCE");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const token of [
      await mediaToken("play", assetId),
      await mediaToken("upload", assetId, { bytes: 10 }),
      await mediaToken("store", assetId, { expiresIn: -1 }),
    ]) {
      const get = await edge(`/internal/media/${token}/source`);
      const put = await edge(`/internal/media/${token}/source`, { method: "PUT", body: "x" });
      const list = await edge(`/internal/media/${token}?prefix=`);
      expect([get.status, put.status, list.status]).toEqual([403, 403, 403]);
      expect(await get.text()).not.toContain("RAW-SOURCE");
    }
    expect(await (await env.MEDIA.get(`videos/${assetId}/source`))?.text()).toBe("RAW-SOURCE");
  });
});

describe("/internal/files/:token (document and certificate tokens)", () => {
  it("stores each file under its purpose's key and serves it back, whole and by range", async () => {
    const id = newAssetId();
    const bytes = bytesOf(3000, 9);
    for (const [purpose, key] of [
      ["document", `documents/${id}.pdf`],
      ["certificate", `certificates/${id}.pdf`],
    ] as const) {
      const url = `/internal/files/${await mediaToken(purpose, id)}`;
      const headers = { "content-type": "application/pdf" };

      const put = await edge(url, { method: "PUT", body: bytes, headers });
      const get = await edge(url);
      const range = await edge(url, { headers: { range: "bytes=0-4" } });

      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ key, size: 3000 });
      expect((await env.MEDIA.head(key))?.httpMetadata?.contentType).toBe("application/pdf");
      expect(get.headers.get("content-type")).toBe("application/pdf");
      expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);
      expect(range.status).toBe(206);
      expect(new Uint8Array(await range.arrayBuffer())).toEqual(bytes.slice(0, 5));
    }
    expect(await storedPaths(id)).toEqual([]);
  });

  it("deletes with 204 whether or not the file exists; a missing file is a 404", async () => {
    const id = newAssetId();
    const url = `/internal/files/${await mediaToken("certificate", id)}`;
    await edge(url, {
      method: "PUT",
      body: "%PDF-",
      headers: { "content-type": "application/pdf" },
    });

    const deleted = await edge(url, { method: "DELETE" });
    const again = await edge(url, { method: "DELETE" });
    const get = await edge(url);

    expect([deleted.status, again.status, get.status]).toEqual([204, 204, 404]);
    expect(await env.MEDIA.head(`certificates/${id}.pdf`)).toBeNull();
  });

  it("a file token reaches no video prefix, and video tokens reach no file, with 403", async () => {
    const id = newAssetId();
    await env.MEDIA.put(`videos/${id}/source`, "RAW-SOURCE");
    await env.MEDIA.put(`documents/${id}.pdf`, "%PDF-document");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const document = await mediaToken("document", id);

    const viaFileToken = await edge(`/internal/media/${document}/source`);
    const listed = await edge(`/internal/media/${document}?prefix=`);
    expect([viaFileToken.status, listed.status]).toEqual([403, 403]);
    for (const token of [
      await mediaToken("store", id),
      await mediaToken("play", id),
      await mediaToken("document", id, { expiresIn: -1 }),
    ]) {
      const get = await edge(`/internal/files/${token}`);
      const put = await edge(`/internal/files/${token}`, { method: "PUT", body: "x" });
      expect([get.status, put.status]).toEqual([403, 403]);
    }
    expect(await (await env.MEDIA.get(`documents/${id}.pdf`))?.text()).toBe("%PDF-document");
  });
});
