import { describe, expect, it } from "vitest";
import { formatRelative } from "./relative-time";

const now = Date.parse("2026-03-10T12:00:00Z");
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe("relative times", () => {
  it("reads naturally for recent moments", () => {
    expect(formatRelative(ago(10), now)).toBe("just now");
    expect(formatRelative(ago(5 * 60), now)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3600), now)).toBe("3 hours ago");
    expect(formatRelative(ago(26 * 3600), now)).toBe("yesterday");
  });

  it("gives the date beyond a week, on the viewer's calendar, and nothing for a broken time", () => {
    // 2026-02-08T12:00Z: still the 8th in London, already the 9th in Auckland (UTC+13).
    expect(formatRelative(ago(30 * 86400), now, "UTC")).toBe("Feb 8, 2026");
    expect(formatRelative(ago(30 * 86400), now, "Pacific/Auckland")).toBe("Feb 9, 2026");
    expect(formatRelative("not a date", now)).toBe("");
  });
});
