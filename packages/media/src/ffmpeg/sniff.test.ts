import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClip } from "../testing/clips";
import { readFileHead, SNIFF_BYTES, sniffContainer } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-sniff-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("sniffContainer on real clips", () => {
  it.each([
    ["clip.mp4", "mov", "MP4"],
    ["clip.mov", "mov", "QuickTime MOV"],
    ["clip.mkv", "matroska", "Matroska (MKV)"],
    ["clip.webm", "matroska", "WebM"],
    ["clip.avi", "avi", "AVI"],
    ["clip.ts", "mpegts", "MPEG-TS"],
  ])("recognises %s by content", async (name, format, label) => {
    const file = await generateClip(dir, { width: 160, height: 120, seconds: 0.5, fps: 10, name });
    // Renamed to a misleading extension: only the bytes count.
    const renamed = join(dir, `${name}.txt`);
    await writeFile(renamed, await readFileHead(file));
    expect(sniffContainer(await readFileHead(renamed))).toEqual({ ok: true, format, label });
    await rm(renamed);
  });
});

describe("sniffContainer rejections", () => {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  );

  it.each([
    ["an empty file", new Uint8Array(), "This file is empty."],
    ["a PNG", png, "This file is a PNG image, not a video."],
    [
      "a JPEG",
      bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF", [0]),
      "This file is a JPEG image, not a video.",
    ],
    ["a GIF", bytes("GIF89a", [1, 0, 1, 0, 0x80, 0, 0]), "This file is a GIF image, not a video."],
    ["a WebP", bytes("RIFF", [36, 0, 0, 0], "WEBPVP8 "), "This file is a WebP image, not a video."],
    [
      "a PDF",
      bytes("%PDF-1.7\n%", [0xe2, 0xe3, 0xcf, 0xd3]),
      "This file is a PDF document, not a video.",
    ],
    ["a ZIP", bytes("PK", [3, 4, 20, 0, 0, 0]), "This file is a ZIP archive, not a video."],
    [
      "plain text",
      bytes("Lesson notes: remember to upload the video.\n"),
      "This file is a text file, not a video.",
    ],
  ])("refuses %s with a readable reason", (_, head, reason) => {
    expect(sniffContainer(head)).toEqual({ ok: false, reason });
  });

  it("refuses an HLS playlist disguised as video.mp4 as text", async () => {
    const playlist = join(dir, "video.mp4");
    await writeFile(
      playlist,
      "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n",
    );
    expect(sniffContainer(await readFileHead(playlist))).toEqual({
      ok: false,
      reason: "This file is a text file, not a video.",
    });
  });

  it("refuses an ffconcat list as text", () => {
    const list = bytes("ffconcat version 1.0\nfile '/etc/passwd'\nduration 5\n");
    expect(sniffContainer(list)).toEqual({
      ok: false,
      reason: "This file is a text file, not a video.",
    });
  });

  it("refuses unknown binary data as an unsupported format", () => {
    const mp3 = bytes("ID3", [4, 0, 0, 0, 0, 0, 0], new Array(200).fill(0xff));
    for (const head of [new Uint8Array(4096), mp3]) {
      const result = sniffContainer(head);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.reason).toMatch(/not a video format we support.*MP4, MOV, WebM/);
    }
  });

  it("looks at no more than SNIFF_BYTES", () => {
    const text = new Uint8Array(SNIFF_BYTES + 10).fill(0x61);
    text[SNIFF_BYTES + 5] = 0; // a NUL past the window does not turn text into binary
    expect(sniffContainer(text)).toEqual({
      ok: false,
      reason: "This file is a text file, not a video.",
    });
  });
});
