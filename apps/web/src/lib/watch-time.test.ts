import { describe, expect, it } from "vitest";
import { createWatchTime } from "./watch-time";

describe("watched time", () => {
  it("adds the steps played and starts from what the server had", () => {
    const watch = createWatchTime(30);
    for (let t = 0; t <= 4; t += 0.25) watch.update(t, true);
    expect(watch.seconds).toBeCloseTo(34);
  });

  it("does not count a seek forward or back", () => {
    const watch = createWatchTime();
    watch.update(0, true);
    watch.update(1, true);
    watch.seeking();
    watch.update(120, true);
    watch.update(121, true);
    watch.seeking();
    watch.update(10, true);
    watch.update(10.5, true);
    expect(watch.seconds).toBeCloseTo(2.5);
  });

  it("does not count time moving while paused, nor a large jump without a seek event", () => {
    const watch = createWatchTime();
    watch.update(0, false);
    watch.update(2, false);
    watch.update(2.25, true);
    watch.update(60, true);
    watch.update(60.5, true);
    expect(watch.seconds).toBeCloseTo(0.75);
  });
});
