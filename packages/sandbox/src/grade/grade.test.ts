import { beforeAll, describe, expect, test } from "vitest";
import { requireSandbox } from "../testing";
import { gradeSubmission } from "./grade";
import type { Submission } from "./schema";

type TestInput = Submission["tests"][number];

const PYTHON_ADD = `def add(a, b):
    return a + b

if __name__ == "__main__":
    a, b = map(int, input().split())
    print(add(a, b))
`;

const JAVASCRIPT_ADD = `function add(a, b) {
  return a + b;
}

if (require.main === module) {
  const [a, b] = require("node:fs").readFileSync(0, "utf8").trim().split(/\\s+/).map(Number);
  console.log(add(a, b));
}
`;

const ADD_TESTS: TestInput[] = [
  { id: "s1", kind: "stdio", stdin: "1 2\n", expectedStdout: "3\n", sample: true },
  { id: "s2", kind: "stdio", stdin: "40 2\n", expectedStdout: "42\n", points: 2 },
  { id: "f1", kind: "function", name: "add", args: [2, 3], expected: 5, sample: true },
  { id: "f2", kind: "function", name: "add", args: [7, 0], expected: 7, points: 2 },
];

const python = (code: string, tests: TestInput[], extra: Partial<Submission> = {}) =>
  gradeSubmission({
    language: "python",
    files: { "main.py": code },
    entry: "main.py",
    tests,
    ...extra,
  });
const javascript = (code: string, tests: TestInput[]) =>
  gradeSubmission({ language: "javascript", files: { "main.js": code }, entry: "main.js", tests });

const verdicts = (result: { tests: { id: string; verdict: string }[] }) =>
  Object.fromEntries(result.tests.map((t) => [t.id, t.verdict]));

describe("grading in a real gVisor sandbox", () => {
  beforeAll(requireSandbox);

  test.each([
    ["Python", () => python(PYTHON_ADD, ADD_TESTS)],
    ["JavaScript", () => javascript(JAVASCRIPT_ADD, ADD_TESTS)],
  ])("a correct %s solution gets AC on every stdio and function test", async (_, grade) => {
    const result = await grade();
    expect(verdicts(result)).toEqual({ s1: "AC", s2: "AC", f1: "AC", f2: "AC" });
    expect(result).toMatchObject({ score: 6, maxScore: 6, passed: true });
    expect(result.compileError).toBeUndefined();
    for (const t of result.tests) expect(t.memoryKb).toBeGreaterThan(0);
  });

  test("a wrong solution gets WA: samples show the diff, hidden tests only the verdict", async () => {
    const result = await python(PYTHON_ADD.replace("a + b", "a - b"), ADD_TESTS, {
      passingScore: 1,
    });
    expect(verdicts(result)).toEqual({ s1: "WA", s2: "WA", f1: "WA", f2: "AC" });
    expect(result).toMatchObject({ score: 2, maxScore: 6, passed: true });
    expect(result.tests[0]).toMatchObject({
      sample: true,
      input: "1 2\n",
      expected: "3\n",
      actual: "-1\n",
      diff: { line: 1, expected: '"3"', actual: '"-1"' },
    });
    expect(result.tests[2]).toMatchObject({ sample: true, expected: "5", actual: "-1" });
    const hidden = result.tests[1];
    expect(hidden).toEqual({
      id: "s2",
      verdict: "WA",
      points: 0,
      maxPoints: 2,
      sample: false,
      timeMs: expect.any(Number),
      memoryKb: expect.any(Number),
    });
    // Not the input or expected output as any text (a figure may well be 42: timeMs once was).
    for (const value of Object.values(hidden ?? {})) {
      if (typeof value === "string") expect(value).not.toMatch(/^(?:40 2|42)\n?$/);
    }
  });

  test("each normalisation accepts what exact would refuse, and numeric keeps its tolerance", async () => {
    const echo = "import sys\nsys.stdout.write(sys.stdin.read())";
    const tolerance = { absolute: 1e-9, relative: 0 };
    const result = await python(echo, [
      { id: "exact", kind: "stdio", stdin: "a b\n", expectedStdout: "a b", normalise: "exact" },
      {
        id: "trim",
        kind: "stdio",
        stdin: "a b  \nc\n\n",
        expectedStdout: "a b\nc\n",
        normalise: "trim",
      },
      {
        id: "tokens",
        kind: "stdio",
        stdin: "a   b\n\nc",
        expectedStdout: "a b c\n",
        normalise: "tokens",
      },
      {
        id: "numeric",
        kind: "stdio",
        stdin: "0.30000000000000004 1e3",
        expectedStdout: "0.3 1000",
        normalise: "numeric",
        tolerance,
      },
      {
        id: "too far",
        kind: "stdio",
        stdin: "0.31",
        expectedStdout: "0.3",
        normalise: "numeric",
        tolerance,
      },
    ]);
    expect(verdicts(result)).toEqual({
      exact: "WA",
      trim: "AC",
      tokens: "AC",
      numeric: "AC",
      "too far": "WA",
    });
  });

  test("a function's numbers compare within the test's tolerance, exactly without one", async () => {
    const code = "def third(x):\n    return [x / 3, {'n': 0.1 + 0.2}]";
    const call = {
      kind: "function" as const,
      name: "third",
      args: [1],
      expected: [0.3333, { n: 0.3 }],
    };
    const result = await python(code, [
      { id: "within", ...call, tolerance: { absolute: 1e-3, relative: 0 } },
      { id: "exactly", ...call },
    ]);
    expect(verdicts(result)).toEqual({ within: "AC", exactly: "WA" });
  });

  test("an infinite loop is TLE, a huge allocation MLE, an exception RE, a flood of output OLE", async () => {
    const code = `mode = input()
if mode == "loop":
    while True: pass
if mode == "alloc":
    b = b"x" * (512 << 20)
if mode == "raise":
    raise ValueError("no such thing")
if mode == "flood":
    while True: print("y" * 1000)
if mode == "slow":
    import time
    time.sleep(3.5)
print("ok")`;
    // A 2 s limit and a sleep past the sandbox's kill (limit + 1 s): the verdicts must not
    // hinge on how long a sandbox start takes on a machine busy with other test passes.
    const run = (id: string): TestInput => ({
      id,
      kind: "stdio",
      stdin: `${id}\n`,
      expectedStdout: "ok",
      sample: true,
      timeMs: 2_000,
      memoryMb: 64,
    });
    const started = performance.now();
    const result = await python(code, [
      run("loop"),
      run("alloc"),
      run("raise"),
      run("flood"),
      run("slow"),
      run("fine"),
    ]);
    expect(verdicts(result)).toEqual({
      loop: "TLE",
      alloc: "MLE",
      raise: "RE",
      flood: "OLE",
      slow: "TLE",
      fine: "AC",
    });
    expect(result.tests[2]?.message).toMatch(/ValueError: no such thing/);
    expect(result).toMatchObject({ score: 1, maxScore: 6, passed: false });
    console.log(
      `verdict suite: ${Math.round(performance.now() - started)} ms; times ${result.tests.map((t) => `${t.id} ${t.timeMs} ms`).join(", ")}`,
    );
  });

  test.each([
    ["Python", () => python("def add(a, b)\n    return a + b\n", ADD_TESTS), /SyntaxError/],
    [
      "JavaScript",
      () => javascript("function add(a, b) {\n  return a +;\n}\n", ADD_TESTS),
      /SyntaxError/,
    ],
  ])(
    "a %s syntax error is CE on every test, with the compiler's message",
    async (_, grade, message) => {
      const result = await grade();
      expect(verdicts(result)).toEqual({ s1: "CE", s2: "CE", f1: "CE", f2: "CE" });
      expect(result.compileError).toMatch(message);
      expect(result.compileError).toMatch(/main\.(py|js)/);
      expect(result).toMatchObject({ score: 0, passed: false });
    },
  );

  test("a learner printing fake result markers cannot turn WA into AC", async () => {
    const tests: TestInput[] = [
      { id: "f", kind: "function", name: "add", args: [2, 3], expected: 5 },
    ];
    const forgedPython = await python(
      `import sys
def add(a, b):
    leftover = sys.stdin.read()  # the call (and its nonce) was read before this code ran
    for guess in ["0" * 32, "f" * 32, "RESULT:", "", leftover]:
        print("\\n" + guess + " 5")
    return a - b
`,
      tests,
    );
    const forgedJavaScript = await javascript(
      `const fs = require("node:fs");
function add(a, b) {
  let leftover = "";
  try { leftover = fs.readFileSync(0, "utf8"); } catch {}
  for (const guess of ["0".repeat(32), "f".repeat(32), "RESULT:", "", leftover]) fs.writeSync(1, "\\n" + guess + " 5\\n");
  return a - b;
}`,
      tests,
    );
    expect(verdicts(forgedPython)).toEqual({ f: "WA" });
    expect(verdicts(forgedJavaScript)).toEqual({ f: "WA" });
  });

  test("a function that exits instead of returning is RE, not WA", async () => {
    const result = await python("import sys\ndef add(a, b):\n    sys.exit(0)", [
      { id: "f", kind: "function", name: "add", args: [1, 2], expected: 3, sample: true },
    ]);
    expect(result.tests[0]).toMatchObject({
      verdict: "RE",
      message: expect.stringMatching(/returned no result/),
    });
  });
});
