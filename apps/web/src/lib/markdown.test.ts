import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown, safeHref } from "./markdown";

describe("parseMarkdown blocks", () => {
  it("reads headings, paragraphs, lists, code, quotes and rules", () => {
    const source = [
      "# Welcome",
      "",
      "First line",
      "continues here.",
      "",
      "- one",
      "- two",
      "  wrapped",
      "",
      "1. first",
      "2) second",
      "",
      "```ts",
      "const a = 1 < 2;",
      "```",
      "> quoted",
      "---",
    ].join("\n");
    expect(parseMarkdown(source)).toEqual([
      { type: "heading", level: 1, children: [{ type: "text", text: "Welcome" }] },
      { type: "paragraph", children: [{ type: "text", text: "First line continues here." }] },
      {
        type: "list",
        ordered: false,
        items: [[{ type: "text", text: "one" }], [{ type: "text", text: "two wrapped" }]],
      },
      {
        type: "list",
        ordered: true,
        items: [[{ type: "text", text: "first" }], [{ type: "text", text: "second" }]],
      },
      { type: "code", text: "const a = 1 < 2;" },
      { type: "quote", children: [{ type: "text", text: "quoted" }] },
      { type: "rule" },
    ]);
  });

  it("a heading or list right after a paragraph line starts a new block", () => {
    expect(parseMarkdown("text\n## Next\n- item").map((b) => b.type)).toEqual([
      "paragraph",
      "heading",
      "list",
    ]);
  });

  it("an unclosed fence runs to the end; CRLF is accepted", () => {
    expect(parseMarkdown("```\r\ncode\r\nmore")).toEqual([{ type: "code", text: "code\nmore" }]);
  });
});

describe("parseInline", () => {
  it("reads emphasis, strong, code and links", () => {
    expect(parseInline("a *b* **c** `d` [e](https://example.com/x)")).toEqual([
      { type: "text", text: "a " },
      { type: "em", children: [{ type: "text", text: "b" }] },
      { type: "text", text: " " },
      { type: "strong", children: [{ type: "text", text: "c" }] },
      { type: "text", text: " " },
      { type: "code", text: "d" },
      { type: "text", text: " " },
      { type: "link", href: "https://example.com/x", children: [{ type: "text", text: "e" }] },
    ]);
  });

  it("nests emphasis inside strong and inside links", () => {
    expect(parseInline("**bold *and* more**")).toEqual([
      {
        type: "strong",
        children: [
          { type: "text", text: "bold " },
          { type: "em", children: [{ type: "text", text: "and" }] },
          { type: "text", text: " more" },
        ],
      },
    ]);
  });

  it("leaves snake_case, lone stars and escaped characters alone", () => {
    expect(parseInline("snake_case_name")).toEqual([{ type: "text", text: "snake_case_name" }]);
    expect(parseInline("2 * 3 * 4")).toEqual([{ type: "text", text: "2 * 3 * 4" }]);
    expect(parseInline("\\*not em\\*")).toEqual([{ type: "text", text: "*not em*" }]);
  });

  it("does not nest links", () => {
    const [link] = parseInline("[a [b](https://b.dev)](https://a.dev)");
    expect(link).toMatchObject({ type: "link", href: "https://a.dev/" });
  });
});

describe("safeHref", () => {
  it("accepts absolute http and https URLs", () => {
    expect(safeHref("https://lumen.dev/a?b=1#c")).toBe("https://lumen.dev/a?b=1#c");
    expect(safeHref(" HTTP://lumen.dev ")).toBe("http://lumen.dev/");
  });

  it("refuses every other scheme and relative targets", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      " javascript:alert(1)",
      "&#106;avascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example",
      "/relative",
      "mailto:a@b.c",
      "https://",
    ]) {
      expect(safeHref(href), href).toBeNull();
    }
  });
});
