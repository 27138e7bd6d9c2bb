import { describe, expect, it } from "vitest";
import { MAX_SPANS, parseInline, parseMarkdown, safeHref } from "./markdown";

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

  it("a heading's closing #s go only after a space, so C# keeps its #", () => {
    const text = (source: string) => parseMarkdown(source)[0];
    expect(text("# Learn C#")).toMatchObject({ children: [{ text: "Learn C#" }] });
    expect(text("## Title ##")).toMatchObject({ level: 2, children: [{ text: "Title" }] });
    expect(text("# Sharp \\#")).toMatchObject({ children: [{ text: "Sharp #" }] });
    expect(text("####### seven")).toMatchObject({ type: "paragraph" });
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

  it("closes a code span with the next run of its backticks", () => {
    expect(parseInline("``a ` b`` c")).toEqual([
      { type: "code", text: "a ` b" },
      { type: "text", text: " c" },
    ]);
    expect(parseInline("``` no closer")).toEqual([{ type: "text", text: "``` no closer" }]);
  });

  it("reads images with their alt text, and leaves where they may load to the renderer", () => {
    expect(parseInline("![A *fold*](/media/f.png) and !")).toEqual([
      { type: "image", src: "/media/f.png", alt: "A fold" },
      { type: "text", text: " and !" },
    ]);
  });

  it("stops formatting past MAX_SPANS spans in one document; the rest stays as text", () => {
    const blocks = parseMarkdown("*a* ".repeat(MAX_SPANS + 3));
    const [paragraph] = blocks;
    if (paragraph?.type !== "paragraph") throw new Error("expected one paragraph");
    const ems = paragraph.children.filter((node) => node.type === "em");
    expect(ems).toHaveLength(MAX_SPANS);
    expect(paragraph.children.at(-1)).toEqual({ type: "text", text: " *a* *a* *a*" });
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
