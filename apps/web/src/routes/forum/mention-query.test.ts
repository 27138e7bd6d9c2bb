import { describe, expect, it } from "vitest";
import { insertMention, mentionAt, moveActive } from "./mention-query";

describe("the mention being typed", () => {
  it("is an @ at a word start followed by letters up to the caret", () => {
    expect(mentionAt("@Ad", 3)).toEqual({ start: 0, prefix: "Ad" });
    expect(mentionAt("Thanks @Ada Lo", 14)).toEqual({ start: 7, prefix: "Ada Lo" });
    expect(mentionAt("Thanks (@a", 10)).toEqual({ start: 8, prefix: "a" });
    expect(mentionAt("x @", 3)).toEqual({ start: 2, prefix: "" });
  });

  it("is not an email address, a finished line or text after the caret", () => {
    expect(mentionAt("mail ada@lumen.dev", 18)).toBeNull();
    expect(mentionAt("@Ada\nnext", 9)).toBeNull();
    expect(mentionAt("@Ada  and more", 14)).toBeNull();
    expect(mentionAt("no at sign", 5)).toBeNull();
    expect(mentionAt("@ leading space", 3)).toBeNull();
    expect(mentionAt(`@${"a".repeat(60)}`, 61)).toBeNull();
  });

  it("replaces the typed prefix with the member's markup and puts the caret after it", () => {
    const text = "Thanks @Ad, see above";
    const mention = mentionAt(text, 10);
    expect(mention).not.toBeNull();
    if (!mention) return;
    const result = insertMention(text, mention, "@[Ada Lovelace](user:u1)");
    expect(result.text).toBe("Thanks @[Ada Lovelace](user:u1) , see above");
    expect(result.caret).toBe("Thanks @[Ada Lovelace](user:u1) ".length);
  });

  it("arrows move through the options and wrap", () => {
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
  });
});
