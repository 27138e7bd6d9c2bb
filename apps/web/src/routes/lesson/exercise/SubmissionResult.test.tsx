import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../lib/i18n/testing";
import type { SubmissionView } from "./exercise-view";
import { SubmissionResult } from "./SubmissionResult";

const base: SubmissionView = {
  submissionId: "00000000-0000-4000-8000-000000000001",
  purpose: "submit",
  status: "graded",
  attemptNumber: 1,
  language: "python",
  createdAt: "2026-12-06T14:00:00.000Z",
  gradedAt: "2026-12-06T14:00:02.000Z",
  scorePoints: 1,
  maxPoints: 3,
  scorePercent: 33.3,
  passed: false,
  verdict: "WA",
  compileError: null,
  waitingReason: null,
  tests: [
    {
      id: "t1",
      position: 0,
      sample: true,
      hidden: false,
      verdict: "WA",
      points: 0,
      maxPoints: 1,
      timeMs: 12,
      memoryKb: 8200,
      input: "2 3\n",
      expected: "5\n",
      actual: "6\n",
      diff: { line: 1, expected: '"5"', actual: '"6"' },
    },
    {
      id: "t2",
      position: 1,
      sample: false,
      hidden: true,
      verdict: "AC",
      points: 2,
      maxPoints: 2,
      timeMs: 9,
    },
  ],
};

const render = (submission: SubmissionView) =>
  renderToStaticMarkup(withI18n(<SubmissionResult submission={submission} passingPercent={60} />));

describe("a submission's result", () => {
  it("shows the verdict, the score against the pass mark and each test", () => {
    const html = render(base);
    expect(html).toContain("Wrong answer (WA)");
    expect(html).toContain("1 of 3 points");
    expect(html).toContain("Not passed yet: the pass mark is 60 %");
    expect(html).toContain("Sample 1");
    expect(html).toContain("Test 2 (hidden)");
    expect(html).toContain("Line 1: expected &quot;5&quot;, got &quot;6&quot;.");
    // The differing line of the actual output is marked, and named for screen readers.
    expect(html).toMatch(/class="line differs">.*\(first difference\) .*6/);
  });

  it("shows what a waiting run is doing and why grading is paused", () => {
    const html = render({
      ...base,
      status: "queued",
      verdict: null,
      tests: [],
      waitingReason: "Grading is paused: no sandbox. Your code waits in the queue.",
    });
    expect(html).toContain("Queued…");
    expect(html).toContain("Grading is paused: no sandbox.");
    expect(html).not.toContain("Wrong answer");
  });

  it("shows a compilation error's output", () => {
    const html = render({ ...base, verdict: "CE", compileError: "SyntaxError: invalid syntax" });
    expect(html).toContain("Compilation error (CE)");
    expect(html).toContain("<pre");
    expect(html).toContain("SyntaxError: invalid syntax");
  });
});
