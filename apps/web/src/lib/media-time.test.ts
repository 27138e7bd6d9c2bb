import { describe, expect, it } from "vitest";
import { formatMediaTime, formatVideoLength, mediaValueText } from "./media-time";

describe("media time", () => {
  it("formats positions like a player", () => {
    expect(formatMediaTime(0)).toBe("0:00");
    expect(formatMediaTime(65.9)).toBe("1:05");
    expect(formatMediaTime(3723)).toBe("1:02:03");
    expect(formatMediaTime(Number.NaN)).toBe("0:00");
    expect(mediaValueText(65, 240)).toBe("1:05 of 4:00");
  });

  it("says a video's length in words", () => {
    expect(formatVideoLength(6.04)).toBe("6 s");
    expect(formatVideoLength(245)).toBe("4 min 5 s");
    expect(formatVideoLength(3720)).toBe("1 h 2 min");
  });
});
