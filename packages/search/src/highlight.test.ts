import { describe, expect, it } from "vitest";
import {
  ANGLE_CLOSE,
  ANGLE_OPEN,
  highlightsOf,
  MARK_END,
  MARK_START,
  toMarkedHtml,
} from "./highlight";

const mark = (text: string) => `${MARK_START}${text}${MARK_END}`;

describe("toMarkedHtml", () => {
  it("escapes the text and turns the engine's marks into <mark> tags", () => {
    expect(toMarkedHtml(`<b>Tom</b> & ${mark("Jerry")}'s "show"`)).toBe(
      "&lt;b&gt;Tom&lt;/b&gt; &amp; <mark>Jerry</mark>&#39;s &quot;show&quot;",
    );
  });

  it("puts back the angle brackets Postgres highlighted around", () => {
    expect(toMarkedHtml(`${ANGLE_OPEN}${mark("HTML")}${ANGLE_CLOSE}`)).toBe(
      "&lt;<mark>HTML</mark>&gt;",
    );
  });

  it("returns nothing when nothing was marked", () => {
    expect(toMarkedHtml("plain title")).toBeUndefined();
    expect(toMarkedHtml(null)).toBeUndefined();
  });

  it("always balances the tags, even for a fragment cut between marks", () => {
    expect(toMarkedHtml(`${MARK_START}open end`)).toBe("<mark>open end</mark>");
    expect(toMarkedHtml(`stray${MARK_END} then ${mark("x")}`)).toBe("stray then <mark>x</mark>");
    expect(toMarkedHtml(`${MARK_START}${mark("nested")}`)).toBe("<mark>nested</mark>");
  });
});

describe("highlightsOf", () => {
  it("keeps only the fields that matched", () => {
    expect(
      highlightsOf({ title: mark("Python"), subtitle: "no match", description: null }),
    ).toEqual({
      title: "<mark>Python</mark>",
    });
  });
});
