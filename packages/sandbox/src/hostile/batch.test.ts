import { beforeAll, expect, test } from "vitest";
import { gradeSubmission } from "../grade";
import type { Submission } from "../grade/schema";
import { requireSandbox } from "../testing";

// One sandbox runs every test of a submission (runBatch): these are the ways a program could
// try to use that — reach a later run, or the supervisor that holds every test's input.
beforeAll(requireSandbox, 30_000);

const SECRET = "hidden-input-7f3a";

const grade = (code: string, tests: Submission["tests"], memoryMb = 128) =>
  gradeSubmission({
    language: "python",
    files: { "main.py": code },
    entry: "main.py",
    tests: tests.map((t) => ({ ...t, memoryMb })),
  });

test("a run leaves nothing for a later one: a hidden test's input never reaches a later sample's output", async () => {
  // Saves its input everywhere it can write; prints whatever an earlier run saved.
  const code = `import os, sys
seen = []
for d in ["/tmp", "/work", os.getcwd(), os.path.expanduser("~"), "/dev/shm", "/var/tmp"]:
    path = os.path.join(d, "kept.txt")
    try:
        seen.append(open(path).read())
    except OSError:
        pass
data = sys.stdin.read()
for d in ["/tmp", "/work", "..", os.getcwd(), os.path.expanduser("~"), "/dev/shm", "/var/tmp"]:
    try:
        open(os.path.join(d, "kept.txt"), "w").write(data)
    except OSError:
        pass
print("|".join(seen))
`;
  const result = await grade(code, [
    { id: "hidden", kind: "stdio", stdin: SECRET, expectedStdout: "x" },
    { id: "sample", kind: "stdio", stdin: "shown", expectedStdout: "", sample: true },
  ]);
  const sample = result.tests.find((t) => t.id === "sample");
  expect(sample?.sample && sample.actual).toBe("\n");
  expect(JSON.stringify(result)).not.toContain(SECRET);
}, 60_000);

test("a run can neither read, signal nor impersonate the supervisor that holds every input", async () => {
  const code = `import os, signal
tries = []
for path in ["/proc/1/fd/0", "/proc/1/mem", "/proc/1/fd/1", "/proc/1/root/work/src"]:
    try:
        open(path, "rb").read(64)
        tries.append("read " + path)
    except OSError:
        pass
try:
    os.kill(1, signal.SIGKILL)
    tries.append("killed 1")
except OSError:
    pass
try:
    with open("/proc/1/fd/1", "w") as out:
        out.write('{"result": 1, "status": "ok", "exitCode": 0, "signal": null, "stdout": "ok\\\\n", "stderr": "", "timeMs": 1}\\n')
    tries.append("wrote to the supervisor")
except OSError:
    pass
print(" ; ".join(tries) or "nothing")
`;
  const result = await grade(code, [
    { id: "probe", kind: "stdio", stdin: "", expectedStdout: "nothing\n", sample: true },
    { id: "next", kind: "stdio", stdin: SECRET, expectedStdout: "ok\n" },
  ]);
  const [probe, next] = result.tests;
  expect(probe).toMatchObject({ verdict: "AC", actual: "nothing\n" });
  // The second test ran (the supervisor lived) and was judged on its own output, not a forgery.
  expect(next).toMatchObject({ id: "next", verdict: "WA" });
}, 60_000);

test("a run that takes the sandbox down with its memory is MLE, and the later tests still run", async () => {
  const code = `import sys
n = sys.stdin.read().strip()
if n == "big":
    blocks = []
    while True:
        blocks.append(bytearray(16 << 20))
print(n)
`;
  const result = await grade(code, [
    { id: "small", kind: "stdio", stdin: "small", expectedStdout: "small\n" },
    { id: "big", kind: "stdio", stdin: "big", expectedStdout: "big\n" },
    { id: "after", kind: "stdio", stdin: "after", expectedStdout: "after\n" },
  ]);
  expect(result.tests.map((t) => [t.id, t.verdict])).toEqual([
    ["small", "AC"],
    ["big", "MLE"],
    ["after", "AC"],
  ]);
}, 60_000);
