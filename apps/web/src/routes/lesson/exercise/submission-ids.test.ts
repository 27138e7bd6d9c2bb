import { describe, expect, it } from "vitest";
import { createSubmissionIds } from "./submission-ids";

function sequence() {
  let n = 0;
  return () => `run-${++n}`;
}

describe("submission ids", () => {
  it("resends a run that got no answer with the same id", () => {
    const ids = createSubmissionIds(sequence());
    const first = ids.forSend("submit", "print(1)");
    // The connection dropped: the server may have queued it, so the retry must be the same run.
    expect(ids.pending()).toEqual({ id: first, purpose: "submit" });
    expect(ids.forSend("submit", "print(1)")).toBe(first);
  });

  it("makes a new id once the server answered", () => {
    const ids = createSubmissionIds(sequence());
    const first = ids.forSend("samples", "print(1)");
    ids.answered();
    expect(ids.pending()).toBeNull();
    expect(ids.forSend("samples", "print(1)")).not.toBe(first);
  });

  it("never reuses a pending id for other code or another purpose", () => {
    const ids = createSubmissionIds(sequence());
    const submit = ids.forSend("submit", "print(1)");
    const samples = ids.forSend("samples", "print(1)");
    expect(samples).not.toBe(submit);
    const edited = ids.forSend("samples", "print(2)");
    expect(edited).not.toBe(samples);
    expect(ids.pending()).toEqual({ id: edited, purpose: "samples" });
  });
});
