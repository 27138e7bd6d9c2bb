import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isTextSchema, multiLine, singleLine, text } from "./text";

const title = singleLine({ label: "Title", max: 20 });
const body = multiLine({ label: "Body", max: 50 });

const messagesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("text schemas", () => {
  it("refuse U+0000 and other C0/C1 control characters with a message naming the field", () => {
    expect(messagesOf(title, "a\u0000b")).toEqual([
      "Title contains an invisible control character (U+0000). Remove it.",
    ]);
    for (const control of ["\u0007", "\u001b", "\u007f", "\u0085", "\u009f", "\t"]) {
      expect(messagesOf(title, `a${control}b`)).toHaveLength(1);
      expect(messagesOf(body, `a${control === "\t" ? "\u0000" : control}b`)).toHaveLength(1);
    }
  });

  it("keep single-line text on one line but let multi-line text have tabs and line breaks", () => {
    expect(messagesOf(title, "one\ntwo")).toEqual(["Title must be a single line."]);
    expect(messagesOf(title, "one\rtwo")).toEqual(["Title must be a single line."]);
    expect(body.parse("one\n\ttwo")).toBe("one\n\ttwo");
  });

  it("give multi-line text \\n line breaks", () => {
    expect(body.parse("one\r\ntwo\rthree\n")).toBe("one\ntwo\nthree");
  });

  it("refuse lone surrogates and keep well-formed pairs", () => {
    expect(messagesOf(title, "a\ud800b")).toEqual([
      "Title contains a broken character (U+D800). Retype that part.",
    ]);
    expect(messagesOf(title, "\udc00")).toHaveLength(1);
    expect(messagesOf(body, "😀\ud83d")).toHaveLength(1);
    expect(title.parse("ok 😀")).toBe("ok 😀");
  });

  it("normalise to NFC and trim, then count the length", () => {
    const decomposed = "Cafe\u0301";
    expect(title.parse(`  ${decomposed} `)).toBe("Caf\u00e9");
    expect(title.parse("\nTitle\n")).toBe("Title");
    expect(messagesOf(title, "x".repeat(21))).toEqual(["Title must be at most 20 characters."]);
    // 20 decomposed letters are 40 units in, 20 after NFC: within the limit.
    expect(title.parse("e\u0301".repeat(20))).toHaveLength(20);
  });

  it("keep surrounding whitespace when asked, and take a custom length message", () => {
    const answer = text({ label: "Answer", max: 5, trim: false, tooLong: "Too long." });
    expect(answer.parse(" a ")).toBe(" a ");
    expect(messagesOf(answer, "123456")).toEqual(["Too long."]);
  });

  it("apply the field's own tidying before the checks", () => {
    const tag = singleLine({ label: "Tags", max: 6, tidy: (value) => value.toLowerCase() });
    expect(tag.parse(" PyThOn ")).toBe("python");
  });

  it("chain like any string schema, and are told apart from a bare z.string()", () => {
    const named = title.min(1, "Title can't be empty.");
    expect(messagesOf(named, "   ")).toEqual(["Title can't be empty."]);
    expect(isTextSchema(named)).toBe(true);
    expect(isTextSchema(named.optional())).toBe(false);
    expect(isTextSchema(z.string().max(20))).toBe(false);
    expect(isTextSchema(z.uuid())).toBe(false);
  });

  it("refuse what is not a string with the field's name", () => {
    expect(messagesOf(title, 42)).toEqual(["Title must be text."]);
  });
});
