import { describe, expect, it } from "vitest";
import { isTimeZone, lastEndedDay, localDay, startOfLocalDay } from "./zoned";

describe("local days", () => {
  it("knows IANA names and refuses others", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("finds the day an instant falls on in a zone", () => {
    const at = new Date("2026-03-10T03:30:00Z");
    expect(localDay("UTC", at)).toBe("2026-03-10");
    expect(localDay("America/New_York", at)).toBe("2026-03-09");
    expect(localDay("Pacific/Kiritimati", at)).toBe("2026-03-10");
  });

  it("starts a day at local midnight, across DST changes and odd offsets", () => {
    expect(startOfLocalDay("America/New_York", "2026-03-09").toISOString()).toBe(
      "2026-03-09T04:00:00.000Z",
    );
    // The day DST begins (23 hours long) still starts at local midnight, EST.
    expect(startOfLocalDay("America/New_York", "2026-03-08").toISOString()).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(startOfLocalDay("Asia/Kathmandu", "2026-01-01").toISOString()).toBe(
      "2025-12-31T18:15:00.000Z",
    );
  });

  it("the last ended day is yesterday in the user's zone", () => {
    const now = new Date("2026-03-10T02:00:00Z");
    expect(lastEndedDay("UTC", now).day).toBe("2026-03-09");
    // Still the 9th in New York: the 8th is the day that ended.
    const ny = lastEndedDay("America/New_York", now);
    expect(ny.day).toBe("2026-03-08");
    expect(ny.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });
});
