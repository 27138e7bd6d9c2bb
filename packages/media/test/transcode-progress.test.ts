import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttledProgress } from "../src/transcode/progress";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("encode progress", () => {
  it("writes at most once a second however often ffmpeg reports", async () => {
    const writes: number[] = [];
    const progress = throttledProgress(async (percent) => {
      writes.push(percent);
    });
    for (let i = 0; i <= 100; i++) {
      progress.report(i / 100);
      await progress.settle();
      vi.advanceTimersByTime(50);
    }
    // 101 reports spread over ~5 s.
    expect(writes).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it("never starts a write while one is in flight, and survives a failed write", async () => {
    let release: () => void = () => {};
    let calls = 0;
    const progress = throttledProgress(() => {
      calls += 1;
      return new Promise<void>((_, reject) => {
        release = () => reject(new Error("database busy"));
      });
    });
    progress.report(0.1);
    vi.advanceTimersByTime(5_000);
    progress.report(0.5);
    expect(calls).toBe(1);
    release();
    await progress.settle();
    progress.report(0.9);
    expect(calls).toBe(2);
  });

  it("keeps percentages within 0–100", async () => {
    const writes: number[] = [];
    const progress = throttledProgress(async (percent) => {
      writes.push(percent);
    }, 0);
    progress.report(-0.5);
    await progress.settle();
    progress.report(1.7);
    await progress.settle();
    expect(writes).toEqual([0, 100]);
  });
});
