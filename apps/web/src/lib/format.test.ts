import { afterEach, describe, expect, it } from "vitest";
import { formatDate, formatDuration, formatLearners, languageName, plural } from "./format";
import { i18n } from "./i18n";

afterEach(() => i18n.activate("en"));

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

  it("formats in the active language: Spanish and Arabic dates, numbers and names", () => {
    i18n.loadAndActivate({ locale: "es", messages: {} });
    expect(formatDate("2026-03-04T10:00:00.000Z", "UTC")).toBe("4 mar 2026");
    expect(languageName("fr")).toBe("francés");
    i18n.loadAndActivate({ locale: "ar", messages: {} });
    expect(languageName("fr")).toBe("الفرنسية");
    expect(formatDate("2026-03-04T10:00:00.000Z", "UTC")).toBe(
      new Intl.DateTimeFormat("ar", { dateStyle: "medium", timeZone: "UTC" }).format(
        Date.parse("2026-03-04T10:00:00.000Z"),
      ),
    );
    expect(formatDate("2026-03-04T10:00:00.000Z", "UTC")).not.toContain("Mar");
  });
});
