import { describe, expect, it } from "vitest";
// English is active: the messages the reducer builds read as written.
import "../../../lib/i18n/testing";
import { reviewSession, SAME_AGAIN, startSession } from "./review-session";
import { chooseLevel, writeComment } from "./scores-form";

const lease = (submissionId: string, reviewId = `r-${submissionId}`) => ({
  reviewId,
  submissionId,
  body: "Their essay",
  leaseExpiresAt: "2026-12-06T18:00:00.000Z",
});
const EXPIRED = "Your time to review this submission ran out, so it went back to the pool…";

function written() {
  let state = startSession(lease("sub-1"));
  if (!state.form) throw new Error("a lease starts a form");
  const form = writeComment(chooseLevel(state.form, "c1", "c1-good"), "c1", "Clear thesis.");
  state = reviewSession(state, { type: "edited", form });
  return state;
}

describe("the review panel across an expired lease", () => {
  it("keeps the lease and every score when the server says the lease ran out", () => {
    const before = written();
    const after = reviewSession(before, { type: "lease-expired", text: EXPIRED });
    expect(after.form).toBe(before.form);
    expect(after.lease).toBe(before.lease);
    expect(after.message).toEqual({ tone: "warning", text: EXPIRED, next: true });
  });

  it("gives the scores back when Review next hands out the same submission", () => {
    const expired = reviewSession(written(), { type: "lease-expired", text: EXPIRED });
    const again = reviewSession(expired, {
      type: "leased",
      lease: lease("sub-1", "r-new"),
      resumed: false,
    });
    expect(again.form).toBe(expired.form);
    expect(again.form?.scores.c1).toEqual({ levelId: "c1-good", comment: "Clear thesis." });
    expect(again.lease?.reviewId).toBe("r-new");
    expect(again.message).toEqual({ tone: "info", text: SAME_AGAIN.message });
  });

  it("keeps the scores through a Review next that found nothing, for when it comes back", () => {
    let state = reviewSession(written(), { type: "lease-expired", text: EXPIRED });
    const kept = state.form;
    state = reviewSession(state, { type: "no-lease", text: "Nothing to review right now" });
    expect(state.lease).toBeNull();
    state = reviewSession(state, { type: "leased", lease: lease("sub-1"), resumed: false });
    expect(state.form).toBe(kept);
  });

  it("starts a blank form for a different submission", () => {
    const expired = reviewSession(written(), { type: "lease-expired", text: EXPIRED });
    const other = reviewSession(expired, { type: "leased", lease: lease("sub-2"), resumed: false });
    expect(other.form).toEqual({ forId: "sub-2", scores: {} });
    expect(other.message).toBeNull();
  });
});

describe("the review panel otherwise", () => {
  it("moves focus to errors on each refusal and clears them on a new lease", () => {
    let state = reviewSession(written(), { type: "invalid", errors: { "scores.c2": "Choose" } });
    expect(state.focusKey).toBe(1);
    state = reviewSession(state, { type: "invalid", errors: { "scores.c2": "Choose" } });
    expect(state.focusKey).toBe(2);
    state = reviewSession(state, { type: "leased", lease: lease("sub-2"), resumed: false });
    expect(state.errors).toEqual({});
  });

  it("clears the lease and the form once the review is recorded", () => {
    const state = reviewSession(written(), { type: "reviewed", text: "Review submitted" });
    expect(state.lease).toBeNull();
    expect(state.form).toBeNull();
    expect(state.message?.tone).toBe("success");
  });

  it("says a live lease was handed back", () => {
    const state = reviewSession(startSession(null), {
      type: "leased",
      lease: lease("sub-3"),
      resumed: true,
    });
    expect(state.message?.text).toBe("You were already reviewing this submission.");
  });
});
