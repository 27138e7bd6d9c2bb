import { describe, expect, it } from "vitest";
import { createWatchCoverage } from "./watch-time";

/** Plays from `from` to `to` at `rate`, one timeupdate every 250 ms of wall-clock time. */
function play(
  watch: ReturnType<typeof createWatchCoverage>,
  from: number,
  to: number,
  clock: { ms: number },
  rate = 1,
) {
  for (let t = from; t <= to + 1e-9; t += 0.25 * rate) {
    watch.update(t, true, clock.ms);
    clock.ms += 250;
  }
}

describe("watch coverage", () => {
  it("replaying the first 4 s five times covers 4 s, not 20", () => {
    const watch = createWatchCoverage();
    const clock = { ms: 0 };
    for (let replay = 0; replay < 5; replay++) {
      watch.seeking();
      play(watch, 0, 4, clock);
    }
    expect(watch.seconds).toBeCloseTo(4);
    expect(watch.take()).toEqual([[0, 4]]);
  });

  it("extends what the server had, and reports only what was played since the last report", () => {
    const watch = createWatchCoverage([[0, 30]]);
    const clock = { ms: 0 };
    play(watch, 28, 34, clock);
    expect(watch.seconds).toBeCloseTo(34);
    expect(watch.take()).toEqual([[28, 34]]);
    play(watch, 34, 36, clock);
    expect(watch.take()).toEqual([[34, 36]]);
    expect(watch.take()).toEqual([]);
  });

  it("does not count a seek forward or back: the parts played are separate intervals", () => {
    const watch = createWatchCoverage();
    const clock = { ms: 0 };
    play(watch, 0, 1, clock);
    watch.seeking();
    play(watch, 120, 121, clock);
    watch.seeking();
    play(watch, 10, 10.5, clock);
    expect(watch.seconds).toBeCloseTo(2.5);
    expect(watch.take()).toEqual([
      [0, 1],
      [10, 10.5],
      [120, 121],
    ]);
  });

  it("counts 2× playback, but not time moving while paused nor a jump faster than 2×", () => {
    const watch = createWatchCoverage();
    const clock = { ms: 0 };
    play(watch, 0, 10, clock, 2);
    expect(watch.seconds).toBeCloseTo(10);
    // One timeupdate each quarter second of wall-clock time.
    const tick = (position: number, playing: boolean) => {
      watch.update(position, playing, clock.ms);
      clock.ms += 250;
    };
    tick(10, false);
    tick(12, false);
    tick(12.25, true);
    // 40 s of video in a quarter of a second, with no seek event: not watching.
    tick(52.25, true);
    tick(52.5, true);
    expect(watch.seconds).toBeCloseTo(10.5);
  });
});
