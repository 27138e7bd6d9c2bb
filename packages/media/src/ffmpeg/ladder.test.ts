import { describe, expect, it } from "vitest";
import { planLadder } from "./ladder";

const sizes = (width: number, height: number, hasAudio = true) =>
  planLadder({ width, height, hasAudio }).map((r) => `${r.name} ${r.width}x${r.height}`);

describe("planLadder", () => {
  it("gives a 1080p source all three rungs, lowest first", () => {
    expect(sizes(1920, 1080)).toEqual(["360p 640x360", "720p 1280x720", "1080p 1920x1080"]);
  });

  it("never upscales: a 720p source stops at 720p", () => {
    expect(sizes(1280, 720)).toEqual(["360p 640x360", "720p 1280x720"]);
  });

  it("gives a 640x360 source only 360p", () => {
    expect(sizes(640, 360)).toEqual(["360p 640x360"]);
  });

  it("gives a source below 360p one rendition at its own size", () => {
    const [only, ...rest] = planLadder({ width: 320, height: 240, hasAudio: true });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ name: "240p", width: 320, height: 240 });
    expect(only?.videoBitrate).toBeLessThan(800_000);
  });

  it("applies the rungs to the shorter side of a portrait source", () => {
    expect(sizes(1080, 1920)).toEqual(["360p 360x640", "720p 720x1280", "1080p 1080x1920"]);
  });

  it("keeps the aspect ratio with even dimensions for odd-sized sources", () => {
    expect(sizes(1440, 1080)).toEqual(["360p 480x360", "720p 960x720", "1080p 1440x1080"]);
    expect(sizes(853, 480)).toEqual(["360p 640x360"]);
    expect(sizes(1281, 721)).toEqual(["360p 640x360", "720p 1280x720"]);
    expect(sizes(321, 241)).toEqual(["240p 320x240"]);
    for (const r of planLadder({ width: 1001, height: 777, hasAudio: false })) {
      expect([r.width % 2, r.height % 2]).toEqual([0, 0]);
    }
  });

  it("budgets BANDWIDTH above video plus audio, and drops audio for silent sources", () => {
    const withAudio = planLadder({ width: 1920, height: 1080, hasAudio: true });
    for (const r of withAudio) {
      expect(r.audioBitrate).toBeGreaterThan(0);
      expect(r.bandwidth).toBeGreaterThan(r.videoBitrate + r.audioBitrate);
    }
    expect(withAudio.map((r) => r.videoBitrate)).toEqual([800_000, 2_800_000, 5_000_000]);
    const silent = planLadder({ width: 1920, height: 1080, hasAudio: false });
    expect(silent.map((r) => r.audioBitrate)).toEqual([0, 0, 0]);
    expect(silent[0]?.bandwidth).toBeLessThan(withAudio[0]?.bandwidth ?? 0);
  });
});
