import { describe, expect, it } from "vitest";
import { lessonShortcut, type ShortcutInput } from "./learn-keys";

const key = (over: Partial<ShortcutInput>): ShortcutInput => ({
  key: "ArrowRight",
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...over,
});

describe("lesson keyboard shortcuts", () => {
  it("moves with Alt and the left or right arrow", () => {
    expect(lessonShortcut(key({}))).toBe("next");
    expect(lessonShortcut(key({ key: "ArrowLeft" }))).toBe("previous");
    expect(lessonShortcut(key({ key: "ArrowRight", targetTag: "BUTTON" }))).toBe("next");
  });

  it("ignores other modifiers and plain arrows (the player seeks with those)", () => {
    expect(lessonShortcut(key({ altKey: false }))).toBeNull();
    expect(lessonShortcut(key({ shiftKey: true }))).toBeNull();
    expect(lessonShortcut(key({ ctrlKey: true }))).toBeNull();
    expect(lessonShortcut(key({ key: "ArrowUp" }))).toBeNull();
  });

  it("leaves typing and option groups alone", () => {
    expect(lessonShortcut(key({ targetTag: "INPUT", targetType: "text" }))).toBeNull();
    expect(lessonShortcut(key({ targetTag: "INPUT", targetType: "radio" }))).toBeNull();
    expect(lessonShortcut(key({ targetTag: "TEXTAREA" }))).toBeNull();
    expect(lessonShortcut(key({ targetEditable: true }))).toBeNull();
    expect(lessonShortcut(key({ defaultPrevented: true }))).toBeNull();
  });
});
