import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceReadsStore } from "../testing/transcode";
import { fetchSource, SOURCE_CHUNK_BYTES, SOURCE_PATH } from "./source";
import { createSourceCache } from "./source-cache";

let root: string;
let n = 0;
/** A fresh directory, as each job gets its own. */
const jobDir = async () => {
  const dir = join(root, `job-${++n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  return dir;
};
/** A Matroska/WebM file's first bytes (EBML magic), then filler: enough for the sniff. */
const webm = (size: number) => {
  const bytes = new Uint8Array(size).fill(7);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  return bytes;
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "lumen-source-cache-test-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a runner's kept sources", () => {
  it("hands a kept source to a later job as its own name: removing either leaves the other", async () => {
    const cache = createSourceCache();
    const probe = await jobDir();
    await writeFile(join(probe, "source"), "the uploaded bytes");
    await cache.keep("asset-1", join(probe, "source"), "matroska");
    await rm(probe, { recursive: true }); // the probe job's directory goes

    const encode = await jobDir();
    const taken = await cache.take("asset-1", 18, encode);
    expect(taken).toEqual({ file: join(encode, "source"), format: "matroska" });
    await rm(encode, { recursive: true });
    const ladder = await jobDir();
    const again = await cache.take("asset-1", 18, ladder);
    expect(await readFile(again?.file ?? "", "utf8")).toBe("the uploaded bytes");
    await cache.close();
  });

  it("hands nothing out for another asset, or when the size is not the stored object's", async () => {
    const cache = createSourceCache();
    const probe = await jobDir();
    await writeFile(join(probe, "source"), "abc");
    await cache.keep("asset-2", join(probe, "source"), "mov");
    expect(await cache.take("asset-3", 3, await jobDir())).toBeNull();
    expect(await cache.take("asset-2", 4, await jobDir())).toBeNull();
    // A mismatch drops the entry: the right size later is a miss too.
    expect(await cache.take("asset-2", 3, await jobDir())).toBeNull();
    await cache.close();
  });

  it("keeps at most its number of entries, oldest out first, and none past their age", async () => {
    let clock = 0;
    const cache = createSourceCache({ maxEntries: 2, maxAgeMs: 1_000, now: () => clock });
    for (const id of ["a", "b", "c"]) {
      const dir = await jobDir();
      await writeFile(join(dir, "source"), id);
      await cache.keep(id, join(dir, "source"), "mov");
    }
    expect(await cache.take("a", 1, await jobDir())).toBeNull();
    expect(await cache.take("c", 1, await jobDir())).not.toBeNull();
    clock = 1_001;
    expect(await cache.take("b", 1, await jobDir())).toBeNull();
    expect(await cache.take("c", 1, await jobDir())).toBeNull();
    await cache.close();
  });

  it("removes its directory when closed", async () => {
    const before = new Set((await readdir(tmpdir())).filter((f) => f.startsWith("lumen-sources-")));
    const cache = createSourceCache();
    const dir = await jobDir();
    await writeFile(join(dir, "source"), "x");
    await cache.keep("asset-4", join(dir, "source"), "mov");
    const [created] = (await readdir(tmpdir())).filter(
      (f) => f.startsWith("lumen-sources-") && !before.has(f),
    );
    expect(created).toBeDefined();
    expect((await stat(join(tmpdir(), created ?? ""))).mode & 0o777).toBe(0o700);
    await cache.close();
    expect(await stat(join(tmpdir(), created ?? "")).catch(() => null)).toBeNull();
  });
});

it("leaves no directory behind when the runner exits without closing it", async () => {
  const script = `
    import { writeFileSync } from "node:fs";
    import { createSourceCache } from ${JSON.stringify(new URL("./source-cache.ts", import.meta.url).pathname)};
    const cache = createSourceCache();
    writeFileSync(process.argv[1] + "/source", "bytes");
    await cache.keep("asset-9", process.argv[1] + "/source", "mov");
    const taken = await cache.take("asset-9", 5, process.argv[1] + "/job");
    console.log(taken ? "kept" : "missing");
  `;
  const dir = await jobDir();
  await mkdir(join(dir, "job"));
  const before = (await readdir(tmpdir())).filter((f) => f.startsWith("lumen-sources-"));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script, dir],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)) },
  );
  expect(stdout.trim()).toBe("kept");
  const after = (await readdir(tmpdir())).filter((f) => f.startsWith("lumen-sources-"));
  expect(after.filter((f) => !before.includes(f))).toEqual([]);
});

describe("fetching a source with the runner's cache", () => {
  it("downloads once: the next job of the asset reads the same bytes without a request", async () => {
    const store = new SourceReadsStore();
    const bytes = webm(SOURCE_CHUNK_BYTES + 1234);
    await store.put("asset-5", SOURCE_PATH, bytes, "video/webm");
    const cache = createSourceCache();

    const first = await fetchSource({ store, assetId: "asset-5", dir: await jobDir(), cache });
    expect(store.sourceReads).toBe(2); // two chunks
    const second = await fetchSource({ store, assetId: "asset-5", dir: await jobDir(), cache });
    expect(store.sourceReads).toBe(2);
    expect(second.format).toBe(first.format);
    expect(second.file).not.toBe(first.file);
    expect(Buffer.compare(await readFile(second.file), Buffer.from(bytes))).toBe(0);
    // Without the cache (another runner), it downloads.
    await fetchSource({ store, assetId: "asset-5", dir: await jobDir() });
    expect(store.sourceReads).toBe(4);
    await cache.close();
  });
});
