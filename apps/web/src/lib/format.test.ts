import { describe, expect, it } from "vitest";
import { formatDate, formatDuration, formatLearners, languageName, plural } from "./format";

describe("format", () => {
  it("formats durations in minutes and hours", () => {
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(5400)).toBe("1 h 30 min");
  });

  it("formats ISO dates on the given zone's calendar and ignores garbage", () => {
    expect(formatDate("2026-03-04T10:00:00.000Z", "UTC")).toBe("Mar 4, 2026");
    expect(formatDate("2026-03-04T10:00:00.000Z", "America/Los_Angeles")).toBe("Mar 4, 2026");
    // 23:00 UTC on the 4th is already the 5th in Auckland (UTC+13).
    expect(formatDate("2026-03-04T23:00:00.000Z", "Pacific/Auckland")).toBe("Mar 5, 2026");
    expect(formatDate("not a date")).toBe("");
  });

  it("names languages from their codes", () => {
    expect(languageName("fr")).toBe("French");
  });

  it("counts learners compactly", () => {
    expect(formatLearners(1)).toBe("1 learner");
    expect(formatLearners(3400)).toBe("3.4K learners");
  });

  it("pluralizes counts", () => {
    expect(plural(1, "course")).toBe("1 course");
    expect(plural(1200, "course")).toBe("1,200 courses");
  });
});
