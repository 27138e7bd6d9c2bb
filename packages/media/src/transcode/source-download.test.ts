import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MediaRejectedError } from "../ffmpeg/errors";
import { InMemoryMediaStore } from "../store/memory";
import type { ByteRange } from "../store/types";
import { SOURCE_PATH, withSource } from "./source";
import { createSourceCache } from "./source-cache";
import { SourceDownload } from "./source-download";

const CHUNK = 1024;
const byNumber = (a: number, b: number) => a - b;
let root: string;
let n = 0;
/** A fresh directory, as each job gets its own. */
const jobDir = async () => {
  const dir = join(root, `job-${++n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  return dir;
};
/** A Matroska/WebM file's first bytes (EBML magic), then bytes that name their offset. */
const webm = (size: number) => {
  const bytes = new Uint8Array(size).map((_, i) => (i * 7 + (i >> 10)) % 251);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  return bytes;
};

/**
 * A memory store whose source reads are recorded (by chunk), can be held back until
 * `release()`, and can fail at one offset: R2 as slow or broken as a test needs.
 */
class SlowStore extends InMemoryMediaStore {
  reads: number[] = [];
  failAt: number | null = null;
  private held: Array<() => void> | null = null;
  hold() {
    this.held = [];
  }
  release() {
    const held = this.held ?? [];
    this.held = null;
    for (const go of held) go();
  }
  override async get(assetId: string, path: string, range?: ByteRange) {
    if (path === SOURCE_PATH) {
      const offset = range?.offset ?? 0;
      this.reads.push(offset / CHUNK);
      if (this.held) await new Promise<void>((go) => this.held?.push(go));
      if (offset === this.failAt) throw new Error(`storage dropped the read at ${offset}`);
    }
    return super.get(assetId, path, range);
  }
}

async function stored(size: number) {
  const store = new SlowStore();
  const bytes = webm(size);
  await store.put("asset", SOURCE_PATH, bytes, "video/webm");
  return { store, bytes };
}

const start = async (store: SlowStore, size: number) =>
  SourceDownload.start({
    store,
    assetId: "asset",
    size,
    file: join(await jobDir(), "source"),
    chunkBytes: CHUNK,
  });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "lumen-source-download-test-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a source downloading while FFmpeg reads it", () => {
  it("serves any range over loopback HTTP, fetching a range a reader waits for first", async () => {
    const size = 10 * CHUNK + 100;
    const { store, bytes } = await stored(size);
    store.hold();
    const download = await start(store, size);
    expect(download.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}$/);
    // The first two chunks are in flight; the reader asks for the end (an MP4's index).
    const tail = fetch(download.url, { headers: { range: `bytes=${size - 150}-` } });
    await vi.waitFor(() => expect(download.waitingFor()).toEqual([9]));
    store.release();
    const response = await tail;
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${size - 150}-${size - 1}/${size}`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.subarray(size - 150));
    // Chunks 9 and 10 were fetched right after the two in flight, before the middle.
    expect(store.reads.slice(0, 2).sort(byNumber)).toEqual([0, 1]);
    expect(store.reads.slice(2, 4).sort(byNumber)).toEqual([9, 10]);

    const middle = await fetch(download.url, { headers: { range: "bytes=1000-5000" } });
    expect(new Uint8Array(await middle.arrayBuffer())).toEqual(bytes.subarray(1000, 5001));
    await download.complete;
    expect(new Uint8Array(await readFile(download.file))).toEqual(bytes);
    expect(store.reads.sort(byNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const whole = await fetch(download.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    await download.close();
  });

  it("streams a long response without piling up listeners while it waits to drain", async () => {
    const size = 24 * 1024 * 1024;
    const { store, bytes } = await stored(size);
    const download = await SourceDownload.start({
      store,
      assetId: "asset",
      size,
      file: join(await jobDir(), "source"),
      chunkBytes: 4 * 1024 * 1024,
    });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      // Every 1 MiB write overruns the socket's buffer: 24 waits for 'drain' in one response.
      const whole = new Uint8Array(await (await fetch(download.url)).arrayBuffer());
      expect(whole.byteLength).toBe(size);
      expect(Buffer.compare(whole, bytes)).toBe(0);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off("warning", onWarning);
      await download.close();
    }
  });

  it("answers 416 past the end and 404 for a token it does not hold, or once closed", async () => {
    const { store } = await stored(2 * CHUNK);
    const download = await start(store, 2 * CHUNK);
    const past = await fetch(download.url, { headers: { range: `bytes=${2 * CHUNK}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${2 * CHUNK}`);
    const other = download.url.replace(/[0-9a-f]{32}$/, "0".repeat(32));
    expect((await fetch(other)).status).toBe(404);
    await download.close();
    expect((await fetch(download.url)).status).toBe(404);
    expect(await stat(download.file).catch(() => null)).toBeNull();
  });

  it("fails when a chunk fails every attempt: a waiting response is cut off, not ended", async () => {
    const { store } = await stored(4 * CHUNK);
    store.failAt = 2 * CHUNK;
    const download = await start(store, 4 * CHUNK);
    const response = await fetch(download.url);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
    await expect(download.complete).rejects.toThrow("storage dropped the read at 2048");
    expect(download.failure()?.message).toBe("storage dropped the read at 2048");
    // Every attempt was made.
    expect(store.reads.filter((chunk) => chunk === 2)).toHaveLength(3);
    await download.close();
  });
});

describe("a job's source", () => {
  it("is named from its first bytes; what is not a container never reaches the job", async () => {
    const store = new SlowStore();
    await store.put("asset", SOURCE_PATH, new TextEncoder().encode("#EXTM3U\n"), "text/plain");
    let ran = false;
    const opened = withSource({ store, assetId: "asset", dir: await jobDir() }, async () => {
      ran = true;
    });
    await expect(opened).rejects.toBeInstanceOf(MediaRejectedError);
    expect(ran).toBe(false);
  });

  it("throws the download's failure, not the job's view of it, and removes its file", async () => {
    const { store } = await stored(4 * CHUNK);
    const dir = await jobDir();
    store.failAt = 3 * 8 * 1024 * 1024; // past the end: the default chunking never fails
    const seen = await withSource({ store, assetId: "asset", dir }, async (source) => {
      expect(source).toMatchObject({ format: "matroska", bytes: 4 * CHUNK });
      await source.complete;
      return "read";
    });
    expect(seen).toBe("read");
    expect(await readdir(dir)).toEqual([]);

    const cache = createSourceCache({ chunkBytes: CHUNK });
    store.failAt = 2 * CHUNK;
    const failing = withSource({ store, assetId: "asset", dir, cache }, async (source) => {
      await source.complete.catch(() => {});
      throw new Error("ffmpeg: Input/output error");
    });
    await expect(failing).rejects.toThrow("storage dropped the read at 2048");
    // The next job on the runner starts a fresh download rather than the failed one.
    store.failAt = null;
    const again = await withSource({ store, assetId: "asset", dir, cache }, async (source) => {
      await source.complete;
      return "whole";
    });
    expect(again).toBe("whole");
    await cache.close();
  });
});

describe("a runner's downloads", () => {
  it("are shared by the asset's jobs on the runner: the source is read once", async () => {
    const { store } = await stored(3 * CHUNK);
    const cache = createSourceCache({ chunkBytes: CHUNK });
    const probe = await cache.open(store, "asset", 3 * CHUNK);
    const encode = await cache.open(store, "asset", 3 * CHUNK);
    expect(encode.download).toBe(probe.download);
    await probe.release();
    await encode.download.complete;
    await encode.release();
    const ladder = await cache.open(store, "asset", 3 * CHUNK);
    expect(ladder.download).toBe(probe.download);
    expect(store.reads).toHaveLength(3);
    // Another size is another object: a fresh download.
    const resized = await cache.open(store, "asset", 2 * CHUNK);
    expect(resized.download).not.toBe(probe.download);
    await ladder.release();
    await resized.release();
    await cache.close();
  });

  it("keep at most their number unheld, oldest out first, none past their age, never one held", async () => {
    let clock = 0;
    const cache = createSourceCache({
      maxEntries: 2,
      maxAgeMs: 1_000,
      now: () => clock,
      chunkBytes: CHUNK,
    });
    const store = new SlowStore();
    for (const id of ["a", "b", "c"]) await store.put(id, SOURCE_PATH, webm(CHUNK), "video/webm");
    const held = await cache.open(store, "a", CHUNK);
    for (const id of ["b", "c"]) await (await cache.open(store, id, CHUNK)).release();
    // Three kept, one held: "b", the oldest unheld, went.
    const reads = store.reads.length;
    await (await cache.open(store, "c", CHUNK)).release();
    await (await cache.open(store, "a", CHUNK)).release();
    expect(store.reads.length).toBe(reads);
    await (await cache.open(store, "b", CHUNK)).release();
    expect(store.reads.length).toBe(reads + 1);
    clock = 5_000;
    await held.download.complete;
    await held.release(); // released after its age: kept from now, not from when it began
    await (await cache.open(store, "a", CHUNK)).release();
    expect(store.reads.length).toBe(reads + 1);
    clock = 6_001;
    await (await cache.open(store, "a", CHUNK)).release();
    expect(store.reads.length).toBe(reads + 2);
    await cache.close();
  });

  it("live in a private directory removed when closed", async () => {
    const before = new Set((await readdir(tmpdir())).filter((f) => f.startsWith("lumen-sources-")));
    const { store } = await stored(CHUNK);
    const cache = createSourceCache({ chunkBytes: CHUNK });
    await (await cache.open(store, "asset", CHUNK)).release();
    const [created] = (await readdir(tmpdir())).filter(
      (f) => f.startsWith("lumen-sources-") && !before.has(f),
    );
    expect(created).toBeDefined();
    expect((await stat(join(tmpdir(), created ?? ""))).mode & 0o777).toBe(0o700);
    await cache.close();
    expect(await stat(join(tmpdir(), created ?? "")).catch(() => null)).toBeNull();
  });
});

it("leaves no directory behind when the runner exits without closing its downloads", async () => {
  const src = (file: string) => JSON.stringify(new URL(file, import.meta.url).pathname);
  const script = `
    import { createSourceCache } from ${src("./source-cache.ts")};
    import { InMemoryMediaStore } from ${src("../store/memory.ts")};
    const store = new InMemoryMediaStore();
    await store.put("asset-9", "source", new Uint8Array(5000), "video/webm");
    const lease = await createSourceCache().open(store, "asset-9", 5000);
    await lease.download.complete;
    console.log(lease.download.size);
  `;
  const before = (await readdir(tmpdir())).filter((f) => f.startsWith("lumen-sources-"));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)) },
  );
  expect(stdout.trim()).toBe("5000");
  const after = (await readdir(tmpdir())).filter((f) => f.startsWith("lumen-sources-"));
  expect(after.filter((f) => !before.includes(f))).toEqual([]);
});
