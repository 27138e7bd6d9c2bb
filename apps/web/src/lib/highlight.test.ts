import { describe, expect, it } from "vitest";
import { decodeEntities, highlightText, parseHighlight } from "./highlight";

describe("parseHighlight", () => {
  it("splits text and marked matches", () => {
    expect(parseHighlight("Intro to <mark>Python</mark> for <mark>data</mark>")).toEqual([
      { text: "Intro to ", marked: false },
      { text: "Python", marked: true },
      { text: " for ", marked: false },
      { text: "data", marked: true },
    ]);
  });

  it("decodes the escaped text so it renders as the author wrote it", () => {
    expect(parseHighlight("R &amp; D: &lt;b&gt; &quot;tags&quot; &#39;x&#x27;")).toEqual([
      { text: `R & D: <b> "tags" 'x'`, marked: false },
    ]);
  });

  it("keeps escaped markup as visible text, never as tags", () => {
    const segments = parseHighlight(
      "&lt;img src=x onerror=alert(1)&gt; <mark>&lt;script&gt;</mark>",
    );
    expect(segments).toEqual([
      { text: "<img src=x onerror=alert(1)> ", marked: false },
      { text: "<script>", marked: true },
    ]);
  });

  it("treats unescaped tags other than mark as text", () => {
    expect(parseHighlight("<b>bold</b> <mark>m</mark>")).toEqual([
      { text: "<b>bold</b> ", marked: false },
      { text: "m", marked: true },
    ]);
  });

  it("tolerates unbalanced and adjacent marks", () => {
    expect(parseHighlight("</mark>a<mark>b")).toEqual([
      { text: "a", marked: false },
      { text: "b", marked: true },
    ]);
    expect(parseHighlight("<mark>ab</mark><mark>cd</mark>")).toEqual([
      { text: "abcd", marked: true },
    ]);
    expect(parseHighlight("")).toEqual([]);
  });

  it("leaves unknown or out-of-range entities alone", () => {
    expect(decodeEntities("&bogus; &#0; &#x110000; &amp")).toBe("&bogus; &#0; &#x110000; &amp");
    expect(decodeEntities("&#128218;")).toBe("📚");
  });

  it("gives the plain text", () => {
    expect(highlightText("<mark>Deep</mark> learning &amp; you")).toBe("Deep learning & you");
  });
});
