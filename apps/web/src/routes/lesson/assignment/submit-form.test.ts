import { describe, expect, it } from "vitest";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import { bodyError, characterCount, lockedReason, TOO_LONG } from "./submit-form";

const moment = (iso: string) => `at ${iso}`;

describe("the submission's text", () => {
  it("counts characters against the 50,000 limit", () => {
    expect(characterCount("")).toBe("0 / 50,000 characters");
    expect(characterCount("x".repeat(1234))).toBe("1,234 / 50,000 characters");
  });

  it("refuses only text over the limit", () => {
    expect(bodyError("x".repeat(50_000))).toBeNull();
    expect(bodyError("x".repeat(50_001))).toBe(TOO_LONG.message);
  });
});

describe("why a submission can no longer change", () => {
  it("can be revised while no reviewer started and submissions are open", () => {
    expect(lockedReason({ status: "submitted", locked: false }, true, null, moment)).toBeNull();
  });

  it("says a reviewer started, it was graded, or the window closed", () => {
    expect(lockedReason({ status: "in_review", locked: true }, true, null, moment)).toBe(
      "A reviewer has started reviewing your submission, so it can no longer change.",
    );
    expect(lockedReason({ status: "graded", locked: true }, true, null, moment)).toMatch(/graded/);
    expect(lockedReason({ status: "needs_staff", locked: true }, true, null, moment)).toMatch(
      /review window closed/,
    );
  });

  it("says when submissions closed at the due date", () => {
    expect(lockedReason({ status: "submitted", locked: false }, false, "D", moment)).toBe(
      "Submissions closed on at D, so your submission can no longer change.",
    );
  });
});
