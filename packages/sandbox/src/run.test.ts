import { spawnSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { sandboxAvailable } from "./available";
import { SandboxUnavailableError } from "./errors";
import { RUNSC_MISSING } from "./host";
import { orphanCpuSeconds } from "./oci";
import { runInSandbox } from "./run";
import { expectSandboxStillServes, requireSandbox, runJavaScript, runPython } from "./testing";

test("without runsc a run is refused with how to install it, never run another way", async () => {
  const run = runInSandbox(
    { language: "python", files: { "main.py": "print(1)" }, entry: "main.py" },
    { runsc: "/nonexistent/runsc" },
  );
  await expect(run).rejects.toThrow(SandboxUnavailableError);
  await expect(run).rejects.toThrow(RUNSC_MISSING);
});

test("sandboxAvailable says why, without throwing, when runsc is missing", async () => {
  expect(await sandboxAvailable({ runsc: "/nonexistent/runsc" })).toEqual({
    ok: false,
    reason: RUNSC_MISSING,
  });
});

test("a request outside the limits or with a path escaping the work directory is refused", async () => {
  const files = { "main.py": "print(1)" };
  await expect(
    runInSandbox({ language: "python", files, entry: "main.py", limits: { timeMs: 60_000 } }),
  ).rejects.toThrow(/10000/);
  await expect(
    runInSandbox({ language: "python", files: { "../x.py": "" }, entry: "../x.py" }),
  ).rejects.toThrow(/plain relative path/);
  await expect(runInSandbox({ language: "python", files, entry: "other.py" })).rejects.toThrow(
    /entry must be one of files/,
  );
});

describe("in a real gVisor sandbox", () => {
  beforeAll(requireSandbox);
  afterEach(expectSandboxStillServes);

  test("a correct Python program reads stdin and prints the expected output", async () => {
    const result = await runInSandbox({
      language: "python",
      files: {
        "main.py": "from lib.maths import double\nprint(double(int(input())))",
        "lib/maths.py": "def double(n):\n    return 2 * n",
      },
      entry: "main.py",
      stdin: "21\n",
    });
    expect(result).toMatchObject({ status: "ok", exitCode: 0, signal: null, stdout: "42\n" });
    expect(result.memoryKb).toBeGreaterThan(0);
  });

  test("a correct JavaScript program reads stdin and prints the expected output", async () => {
    const result = await runInSandbox({
      language: "javascript",
      files: {
        "main.js": `const { double } = require("./maths.js");
const input = require("node:fs").readFileSync(0, "utf8");
console.log(double(Number(input)));`,
        "maths.js": "exports.double = (n) => 2 * n;",
      },
      entry: "main.js",
      stdin: "21\n",
    });
    expect(result).toMatchObject({ status: "ok", exitCode: 0, stdout: "42\n" });
  });

  test("a run's CPU time is capped inside the sandbox too, so one its grader left cannot spin forever", async () => {
    const result = await runPython(
      "import resource\nprint(*resource.getrlimit(resource.RLIMIT_CPU))",
      { timeMs: 2_000 },
    );
    expect(result.stdout.trim()).toBe(`${orphanCpuSeconds(2_000)} ${orphanCpuSeconds(2_000)}`);
    expect(orphanCpuSeconds(2_000)).toBe(11);
  });

  test("a program that fails is a runtime error with its exit code and stderr", async () => {
    const python = await runPython("raise SystemExit('bad input')");
    expect(python).toMatchObject({ status: "runtime_error", exitCode: 1, stderr: "bad input\n" });
    const javascript = await runJavaScript("process.exitCode = 3");
    expect(javascript).toMatchObject({ status: "runtime_error", exitCode: 3 });
  });

  test("a program that mimics runsc failing is still the program's runtime error", async () => {
    const result = await runPython(
      "import sys\nprint('running container: starting container: error', file=sys.stderr)\nsys.exit(128)",
    );
    expect(result).toMatchObject({ status: "runtime_error", exitCode: 128 });
  });

  test("sandbox start overhead (printed, not asserted)", async () => {
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] ?? 0;
    const sandboxed: number[] = [];
    const calls: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < 5; i++) {
      const call = performance.now();
      sandboxed.push((await runPython("pass")).timeMs);
      calls.push(performance.now() - call);
      const started = performance.now();
      spawnSync("/usr/bin/python3", ["-B", "-c", "pass"], { env: {} });
      direct.push(performance.now() - started);
    }
    const [inSandbox, call, onHost] = [median(sandboxed), median(calls), median(direct)];
    console.log(
      `sandbox start overhead: python "pass" median ${inSandbox} ms in gVisor (runsc spawn to ` +
        `exit; ${call.toFixed(0)} ms for the whole runInSandbox call with set-up and clean-up) ` +
        `vs ${onHost.toFixed(0)} ms on the host → ${(inSandbox - onHost).toFixed(0)} ms overhead`,
    );
  });
});
