import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { childCpuSeconds, countTests, failureLines } from "./test-output";

test("vitest's summary lines are counted across projects, colours and all", () => {
  const output = [
    "\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[31m2 failed\u001b[39m | 17 passed | 1 skipped (20)",
    "      Tests  3 passed (3)",
  ].join("\n");
  expect(countTests(output)).toEqual({ passed: 20, failed: 2, skipped: 1 });
});

test("failed tests are named by their FAIL lines when there are any, else by their marks", () => {
  expect(
    failureLines(" FAIL  a.test.ts > suite > one\n × one\n FAIL  a.test.ts > suite > one"),
  ).toEqual(["FAIL  a.test.ts > suite > one"]);
  expect(failureLines(" × two 12ms\n ✓ three")).toEqual(["× two 12ms"]);
});

test("each FAIL line keeps the first lines of its error, without its diff frame or stack", () => {
  // vitest 4's failure report, as printed without colours.
  const output = [
    " ❯ sample.test.ts (2 tests | 2 failed) 6ms",
    "     × object 5ms",
    "     × until 0ms",
    "",
    "⎯⎯⎯⎯⎯⎯⎯ Failed Tests 2 ⎯⎯⎯⎯⎯⎯⎯",
    "",
    " FAIL  sample.test.ts > suite > object",
    "AssertionError: expected { state: 'active', retry: 1 } to match object { state: 'completed' }",
    "(1 matching property omitted from actual)",
    "",
    "- Expected",
    "+ Received",
    "",
    "  {",
    '-   "state": "completed",',
    '+   "state": "active",',
    "  }",
    "",
    " ❯ sample.test.ts:3:62",
    '    1| import { expect, it, describe } from "vitest";',
    "",
    "⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/2]⎯",
    "",
    " FAIL  sample.test.ts > suite > until",
    "Error: the graded submission: not within 90 s",
    "runner line 1",
    "runner line 2",
    "runner line 3",
    "runner line 4",
    "runner line 5",
    " ❯ sample.test.ts:4:29",
  ].join("\n");
  expect(failureLines(output)).toEqual([
    "FAIL  sample.test.ts > suite > object",
    "  AssertionError: expected { state: 'active', retry: 1 } to match object { state: 'completed' }",
    "  (1 matching property omitted from actual)",
    '  -   "state": "completed",',
    '  +   "state": "active",',
    "FAIL  sample.test.ts > suite > until",
    "  Error: the graded submission: not within 90 s",
    "  runner line 1",
    "  runner line 2",
    "  runner line 3",
    "  runner line 4",
  ]);
  // Past the first few failures, only their names: the passes' lines must stay in the tail.
  expect(failureLines(output, { explained: 1 }).slice(-2)).toEqual([
    '  +   "state": "active",',
    "FAIL  sample.test.ts > suite > until",
  ]);
});

test("a shell's `times` gives its children's user and system time, summed", () => {
  expect(childCpuSeconds("0m0.010s 0m0.002s\n1m2.500s 0m0.250s\n")).toBeCloseTo(62.75);
  expect(childCpuSeconds("garbled")).toBeNull();
  // What bash really prints after a child that burned CPU.
  const times = execFileSync("bash", ["-c", "for i in $(seq 1 200000); do :; done | cat; times"]);
  const seconds = childCpuSeconds(times.toString());
  expect(seconds).not.toBeNull();
  expect(seconds).toBeGreaterThan(0);
});
