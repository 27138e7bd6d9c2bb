import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClip } from "../testing/clips";
import { testFfmpeg } from "../testing/ffmpeg";
import { withServiceName } from "../testing/mpegts";
import { segmentCodecs } from "./codecs";
import { probeMedia } from "./probe";

// The static (npm-shipped) ffprobe crashed with SIGSEGV on every MPEG-TS file: the demuxer
// converts DVB service names through iconv, which loaded the system's charset modules into a
// statically linked glibc. Each name below selects another charset (EN 300 468 annex A).
const cfg = testFfmpeg();
let dir = "";
let source: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-mpegts-"));
  const clip = await generateClip(dir, { width: 320, height: 240, seconds: 1, name: "in.ts" });
  source = await readFile(clip);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const latin = [0xe9, 0xe8, 0xe7, 0xe6, 0xe5, 0xe4];
const byTable = (code: number): [string, number[]] => [
  `table 0x${code.toString(16)}`,
  [code, ...latin, 0x41, 0x42],
];
// A sample (each case costs an ffprobe start): ISO 8859-5, -7, -15, UCS-2BE (built into
// glibc), KS C 5601, GB 2312, UTF-8, and ISO 8859-n named by number.
const names: [string, number[]][] = [
  ["FFmpeg's own name (ISO 6937, the default)", [...new TextEncoder().encode("Service01")]],
  ...[0x01, 0x03, 0x0b, 0x11, 0x12, 0x13, 0x15].map(byTable),
  ["ISO 8859-1 by number", [0x10, 0x00, 0x01, ...latin]],
  ["ISO 8859-9 by number", [0x10, 0x00, 0x09, ...latin]],
];

describe("probing MPEG-TS whatever charset its service name uses", () => {
  it.each(names)("%s", async (_label, bytes) => {
    const file = join(dir, `named-${bytes.slice(0, 3).join("-")}.ts`);
    await writeFile(file, withServiceName(source, Uint8Array.from(bytes)));

    const probe = await probeMedia(cfg, file, "mpegts");

    expect(probe).toMatchObject({ width: 320, height: 240, hasAudio: true });
  });

  it("reads the codecs of a segment back with the same build", async () => {
    const file = join(dir, "segment.ts");
    await writeFile(file, source);
    expect(await segmentCodecs(cfg, file, true)).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
  });
});
