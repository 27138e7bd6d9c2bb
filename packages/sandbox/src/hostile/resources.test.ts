/**
 * Hostile programs that try to exhaust the host: each ends with the right status within its
 * limit, leaves no process behind, and the next run still works (afterEach).
 */
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, expect, test } from "vitest";
import { SANDBOX_OVERHEAD_MB, START_GRACE_MS } from "../run";
import { expectSandboxStillServes, requireSandbox, runJavaScript, runPython } from "../testing";

beforeAll(requireSandbox);
afterEach(expectSandboxStillServes);

const TIME_MS = 1_000;
/**
 * The wall clock kills at TIME_MS + START_GRACE_MS; the rest is gVisor's teardown, which on
 * CI's loaded 2-core machine (three test passes, browsers, FFmpeg) has taken over 1.5 s. A run
 * that was not killed would go on to the test's timeout, far beyond this.
 */
const KILLED_BY = TIME_MS + START_GRACE_MS + 4_000;
const GiB = 1024 ** 3;

test("a fork bomb is held to the process limit and killed at the time limit", async () => {
  const result = await runPython(
    "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
    { timeMs: TIME_MS, processes: 16 },
  );
  expect(result.status).toBe("time_limit");
  expect(result.timeMs).toBeLessThan(KILLED_BY);
});

test("an infinite loop is killed at the time limit", async () => {
  const result = await runJavaScript("for (;;) {}", { timeMs: TIME_MS });
  expect(result).toMatchObject({ status: "time_limit", exitCode: null, signal: "SIGKILL" });
  expect(result.timeMs).toBeLessThan(KILLED_BY);
});

test("a busy child that outlives its parent dies with the sandbox", async () => {
  const result = await runPython(
    "import os\nif os.fork() == 0:\n    while True:\n        pass\nprint('parent done')",
    { timeMs: TIME_MS },
  );
  // The parent is the sandbox's init: when it exits, gVisor ends every other process.
  expect(result).toMatchObject({ status: "ok", stdout: "parent done\n" });
  expect(result.timeMs).toBeLessThan(KILLED_BY);
});

test("sleeping past the limit is a time limit", async () => {
  const result = await runPython("import time\ntime.sleep(30)", { timeMs: TIME_MS });
  expect(result.status).toBe("time_limit");
  expect(result.timeMs).toBeLessThan(KILLED_BY);
});

test("allocating 4 GiB is a memory limit in both languages", async () => {
  // Time enough that only memory can end it: on CI's loaded machine, Node's start-up in gVisor
  // once used up the default 1 s before the allocation began (a time limit, not this test's).
  const limits = { memoryMb: 128, timeMs: 10_000 };
  const python = await runPython("b = bytearray(4 << 30)\nprint(len(b))", limits);
  const javascript = await runJavaScript(
    "console.log(Buffer.alloc(4 * 2 ** 30, 1).length)",
    limits,
  );
  for (const result of [python, javascript]) {
    expect(result.status).toBe("memory_limit");
    expect(result.stdout).toBe("");
    // The whole sandbox stayed at its cgroup's limit (128 MiB + gVisor's overhead). The kernel
    // may record a charge of up to one per-CPU batch (64 pages) past the limit before it
    // reclaims or kills, so the peak is allowed that much and no more (CI once saw +4 KiB).
    expect(result.memoryKb).toBeLessThanOrEqual((128 + SANDBOX_OVERHEAD_MB) * 1024 + 64 * 4);
  }
});

test("1 GiB of output is an output limit with exactly the cap kept", async () => {
  const result = await runPython(
    `import sys\nchunk = "x" * (1 << 20)\nfor _ in range(${GiB >> 20}):\n    sys.stdout.write(chunk)`,
    { timeMs: 5_000, outputBytes: 64 * 1024 },
  );
  expect(result.status).toBe("output_limit");
  expect(result.stdout.length).toBe(64 * 1024);
  expect(result.timeMs).toBeLessThan(5_000); // killed at the cap, not at the time limit
});

test("1 GiB on stderr is an output limit too", async () => {
  const result = await runJavaScript(
    "const chunk = 'e'.repeat(1 << 20); for (let i = 0; i < 1024; i++) process.stderr.write(chunk);",
    { timeMs: 5_000 },
  );
  expect(result.status).toBe("output_limit");
  expect(result.stderr.length).toBe(64 * 1024);
});

test("writing a 1 GiB file stops at the file size limit and nothing reaches the host", async () => {
  const name = `big-${crypto.randomUUID()}`;
  // Writes until refused, then stays alive so the host's copy of the work directory can be seen.
  const run = runPython(
    `import time\nchunk = b"x" * (1 << 20)\ntry:\n    with open("${name}", "wb") as f:\n        for _ in range(1024):\n            f.write(chunk)\nexcept OSError as e:\n    print(e, flush=True)\ntime.sleep(2)`,
    { timeMs: 4_000, fileBytes: 8 * 1024 * 1024 },
  );
  // Once the run's directory is there, give the program a moment to write, then look.
  for (let waited = 0; waited < 5_000 && (await hostWorkFiles()).length === 0; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 700));
  const onHost = await hostWorkFiles();
  const result = await run;
  expect(result.status).toBe("ok");
  expect(result.stdout).toMatch(/File too large/);
  expect(onHost.length).toBeGreaterThan(0); // the run's work directory was there to look at
  expect(onHost.filter((file) => file.includes(name))).toEqual([]);
});

test("many files each under the size limit fill only the sandbox's memory", async () => {
  // The work directory is an in-memory overlay, so its size counts against the memory limit.
  const result = await runPython(
    'chunk = b"x" * (4 << 20)\nfor i in range(256):\n    open(f"f{i}", "wb").write(chunk)',
    { memoryMb: 128, fileBytes: 8 * 1024 * 1024 },
  );
  expect(result.status).toBe("memory_limit");
});

/** Every file in the host's copies of the work directories of the runs now alive. */
async function hostWorkFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const run of await readdir(tmpdir())) {
    if (!run.startsWith("lumen-sandbox-")) continue;
    const work = join(tmpdir(), run, "work");
    for (const file of await readdir(work, { recursive: true }).catch(() => [])) {
      files.push(join(work, String(file)));
    }
  }
  return files;
}
