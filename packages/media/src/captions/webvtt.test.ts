import { describe, expect, it } from "vitest";
import { validateWebVtt, WEBVTT_MAX_BYTES } from "./webvtt";

const vtt = (...lines: string[]) => lines.join("\n");

describe("validateWebVtt", () => {
  it("accepts cues with identifiers, settings, hours and NOTE/STYLE blocks", () => {
    const result = validateWebVtt(
      vtt(
        "WEBVTT - Lesson 1",
        "Kind: captions",
        "",
        "STYLE",
        "::cue { color: yellow }",
        "",
        "NOTE reviewed by the instructor",
        "",
        "intro",
        "00:00.000 --> 00:02.500 align:start line:90%",
        "Hello",
        "",
        "01:00:00.000 --> 01:00:04.000",
        "<v Ada>Later</v>",
        "",
      ),
    );
    expect(result).toEqual({ ok: true, cues: 2, text: expect.stringContaining("Hello") });
  });

  it("strips a BOM and normalises CRLF and CR line endings", () => {
    const result = validateWebVtt("\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi\r");
    expect(result).toEqual({ ok: true, cues: 1, text: "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n" });
  });

  it("accepts a tab after the header", () => {
    expect(validateWebVtt("WEBVTT\tx\n\n00:01.000 --> 00:02.000\nHi").ok).toBe(true);
  });

  it.each([
    ["a missing header", "00:01.000 --> 00:02.000\nHi", /does not start with the "WEBVTT" header/],
    ["a header glued to a word", "WEBVTTX\n\n00:01.000 --> 00:02.000\nHi", /WEBVTT/],
    ["an SRT file", "1\n00:00:01,000 --> 00:00:02,000\nHi", /WEBVTT/],
    ["no cues", "WEBVTT\n\nNOTE nothing here\n", /no cues/],
    [
      "a cue ending before it starts",
      vtt("WEBVTT", "", "a", "00:05.000 --> 00:04.000", "x"),
      /^Line 4: the cue ends before it starts\.$/,
    ],
    [
      "a zero-length cue",
      vtt("WEBVTT", "", "00:05.000 --> 00:05.000", "x"),
      /^Line 3: .*same time/,
    ],
    [
      "a comma in a timestamp",
      vtt("WEBVTT", "", "00:01,000 --> 00:02.000", "x"),
      /^Line 3: the cue timing is not valid/,
    ],
    [
      "minutes above 59",
      vtt("WEBVTT", "", "00:61.000 --> 01:02.000", "x"),
      /^Line 3: the cue timing/,
    ],
    [
      "a block without timing",
      vtt("WEBVTT", "", "00:01.000 --> 00:02.000", "x", "", "orphan", "text"),
      /^Line 6: expected a cue timing line/,
    ],
    [
      "an arrow inside cue text",
      vtt("WEBVTT", "", "00:01.000 --> 00:02.000", "a --> b"),
      /^Line 4: cue text cannot contain/,
    ],
    [
      "no blank line after the header",
      vtt("WEBVTT", "00:01.000 --> 00:02.000", "x"),
      /^Line 2: leave a blank line/,
    ],
    ["a NUL character", vtt("WEBVTT", "", "00:01.000 --> 00:02.000", "x\0"), /^Line 4: .*NUL/],
  ])("rejects %s with a readable reason", (_, text, reason) => {
    const result = validateWebVtt(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it("rejects files above WEBVTT_MAX_BYTES, counting UTF-8 bytes", () => {
    const cue = "00:01.000 --> 00:02.000\n";
    const header = `WEBVTT\n\n${cue}`;
    const fits = header + "a".repeat(WEBVTT_MAX_BYTES - header.length);
    expect(validateWebVtt(fits).ok).toBe(true);
    const tooBig = header + "é".repeat((WEBVTT_MAX_BYTES - header.length) / 2 + 1);
    expect(validateWebVtt(tooBig)).toEqual({ ok: false, reason: expect.stringMatching(/1 MiB/) });
  });
});
