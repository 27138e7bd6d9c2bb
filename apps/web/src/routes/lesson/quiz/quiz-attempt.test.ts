import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { createAttemptIds, mayRetrySubmit } from "./quiz-attempt";

function sequence() {
  let n = 0;
  return () => `attempt-${++n}`;
}

describe("quiz attempt ids", () => {
  it("reuses the same id when a submit is retried after a failure", () => {
    const ids = createAttemptIds(sequence());
    const first = ids.forSubmit();
    // The network failed: nothing graded, so the retry is the same attempt.
    expect(ids.pending()).toBe(first);
    expect(ids.forSubmit()).toBe(first);
  });

  it("starts a new id for the next attempt once the server graded one", () => {
    const ids = createAttemptIds(sequence());
    const first = ids.forSubmit();
    ids.graded();
    expect(ids.pending()).toBeNull();
    const second = ids.forSubmit();
    expect(second).not.toBe(first);
  });

  it("retries only failures that may not have reached the server", () => {
    const refused = TRPCClientError.from({
      error: { message: "No attempts left", code: -32600, data: { code: "CONFLICT" } },
    });
    expect(mayRetrySubmit(refused)).toBe(false);
    expect(mayRetrySubmit(new TypeError("Failed to fetch"))).toBe(true);
    const serverError = TRPCClientError.from({
      error: { message: "boom", code: -32603, data: { code: "INTERNAL_SERVER_ERROR" } },
    });
    expect(mayRetrySubmit(serverError)).toBe(true);
  });
});
