import { describe, expect, it } from "vitest";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import {
  diffSentence,
  formatMemory,
  formatMs,
  outputLines,
  POLL_MS,
  pollInterval,
  progressText,
  submissionName,
  testLabels,
  verdictLabel,
  verdictTone,
} from "./exercise-view";

describe("verdicts", () => {
  it("names every verdict in words with its abbreviation", () => {
    expect(verdictLabel("AC")).toBe("Accepted (AC)");
    expect(verdictLabel("WA")).toBe("Wrong answer (WA)");
    expect(verdictLabel("TLE")).toBe("Time limit exceeded (TLE)");
    expect(verdictLabel("MLE")).toBe("Memory limit exceeded (MLE)");
    expect(verdictLabel("RE")).toBe("Runtime error (RE)");
    expect(verdictLabel("CE")).toBe("Compilation error (CE)");
    expect(verdictLabel("OLE")).toBe("Output limit exceeded (OLE)");
  });

  it("colours only an accepted run as a success", () => {
    expect(verdictTone("AC")).toBe("success");
    expect(verdictTone("WA")).toBe("warning");
    expect(verdictTone("RE")).toBe("danger");
    expect(verdictTone(null)).toBe("neutral");
  });
});

describe("following a submission", () => {
  it("asks again every half second until the submission is graded, then stops", () => {
    expect(pollInterval(undefined)).toBe(POLL_MS);
    expect(pollInterval({ status: "queued" })).toBe(500);
    expect(pollInterval({ status: "grading" })).toBe(500);
    expect(pollInterval({ status: "graded" })).toBe(false);
  });

  it("says what a run is doing while it waits", () => {
    expect(progressText({ status: "queued", purpose: "submit" })).toBe("Queued…");
    expect(progressText({ status: "grading", purpose: "submit" })).toBe("Running tests…");
    expect(progressText({ status: "grading", purpose: "samples" })).toBe("Running the samples…");
  });

  it("names attempts and sample runs in the history", () => {
    expect(submissionName({ purpose: "submit", attemptNumber: 2 })).toBe("Attempt 2");
    expect(submissionName({ purpose: "samples", attemptNumber: null })).toBe("Sample run");
  });
});

describe("test rows", () => {
  it("numbers samples among samples and hidden tests among all tests", () => {
    const labels = testLabels([
      { hidden: false, position: 0 },
      { hidden: true, position: 1 },
      { hidden: false, position: 2 },
      { hidden: true, position: 3 },
    ]);
    expect(labels).toEqual(["Sample 1", "Test 2 (hidden)", "Sample 2", "Test 4 (hidden)"]);
  });

  it("shows time and memory in units people read", () => {
    expect(formatMs(12)).toBe("12 ms");
    expect(formatMs(1500)).toBe("1.5 s");
    expect(formatMemory(900)).toBe("900 KB");
    expect(formatMemory(12_800)).toBe("12.5 MB");
    expect(formatMemory(undefined)).toBe("—");
  });
});

describe("diff presentation", () => {
  it("numbers the output's lines and marks the first differing one", () => {
    expect(outputLines("1\n2\n3\n", 2)).toEqual([
      { number: 1, text: "1", differs: false },
      { number: 2, text: "2", differs: true },
      { number: 3, text: "3", differs: false },
    ]);
  });

  it("marks a missing line past the end of a shorter output", () => {
    expect(outputLines("1\n", 2)).toEqual([
      { number: 1, text: "1", differs: false },
      { number: 2, text: "", differs: true },
    ]);
  });

  it("shows empty output as no lines and marks nothing without a diff", () => {
    expect(outputLines("", null)).toEqual([]);
    expect(outputLines("a\nb", null).some((l) => l.differs)).toBe(false);
  });

  it("says the difference in one sentence", () => {
    expect(diffSentence({ line: 3, expected: '"7"', actual: '"8"' })).toBe(
      'Line 3: expected "7", got "8".',
    );
    expect(diffSentence({ line: 2, expected: '"5"', actual: "(no line)" })).toBe(
      'Line 2: expected "5", got no line.',
    );
  });
});
