import { describe, expect, it } from "vitest";
import { createRateMeter, formatBytes, formatTimeLeft, secondsLeft } from "./transfer-rate";

describe("time left", () => {
  it("is rounded the way people say it", () => {
    expect(formatTimeLeft(null)).toBe("Estimating time left…");
    expect(formatTimeLeft(3)).toBe("A few seconds left");
    expect(formatTimeLeft(37)).toBe("About 40 s left");
    expect(formatTimeLeft(60)).toBe("About 1 min left");
    expect(formatTimeLeft(61)).toBe("About 2 min left");
    expect(formatTimeLeft(3600)).toBe("About 1 h left");
    expect(formatTimeLeft(3900)).toBe("About 1 h 5 min left");
  });

  it("is unknown until there is a speed", () => {
    expect(secondsLeft(1000, null)).toBeNull();
    expect(secondsLeft(1000, 0)).toBeNull();
    expect(secondsLeft(1000, 250)).toBe(4);
  });
});

describe("rate meter", () => {
  it("waits for a second of samples, then follows a steady speed", () => {
    const meter = createRateMeter();
    meter.sample(0, 0);
    meter.sample(500_000, 500);
    expect(meter.rate()).toBeNull();
    for (let t = 1000; t <= 5000; t += 500) meter.sample(t * 1000, t);
    expect(meter.rate()).toBeCloseTo(1_000_000, -3);
  });

  it("smooths a sudden stall instead of dropping to zero", () => {
    const meter = createRateMeter();
    for (let t = 0; t <= 5000; t += 500) meter.sample(t * 1000, t);
    meter.sample(5_000_000, 5500);
    const rate = meter.rate() ?? 0;
    expect(rate).toBeGreaterThan(500_000);
    expect(rate).toBeLessThan(1_000_000);
  });

  it("forgets its history on reset", () => {
    const meter = createRateMeter();
    for (let t = 0; t <= 3000; t += 500) meter.sample(t * 1000, t);
    meter.reset();
    expect(meter.rate()).toBeNull();
  });
});

describe("byte sizes", () => {
  it("uses decimal units", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(12_500_000)).toBe("12.5 MB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5.4 GB");
    expect(formatBytes(250_000_000)).toBe("250 MB");
  });
});
