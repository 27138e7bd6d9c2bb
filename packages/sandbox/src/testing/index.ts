import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { sandboxAvailable } from "../available";
import { cgroupParents } from "../cgroup";
import type { Limits, RunResult } from "../request";
import { runInSandbox } from "../run";

/** Short limits so hostile runs end quickly. */
export const TEST_LIMITS: Partial<Limits> = { timeMs: 1_000, memoryMb: 128 };

export function runPython(
  code: string,
  limits: Partial<Limits> = {},
  stdin = "",
): Promise<RunResult> {
  return runInSandbox({
    language: "python",
    files: { "main.py": code },
    entry: "main.py",
    stdin,
    limits: { ...TEST_LIMITS, ...limits },
  });
}

export function runJavaScript(code: string, limits: Partial<Limits> = {}): Promise<RunResult> {
  return runInSandbox({
    language: "javascript",
    files: { "main.js": code },
    entry: "main.js",
    limits: { ...TEST_LIMITS, ...limits },
  });
}

/**
 * For a suite's beforeAll: fails (never skips) when no sandbox runs here, so CI cannot pass
 * without gVisor, and tells a developer how to get it.
 */
export async function requireSandbox(): Promise<void> {
  const availability = await sandboxAvailable();
  if (!availability.ok) {
    throw new Error(
      `The sandbox tests need gVisor and cannot run here: ${availability.reason}.\n` +
        "Install it with `apt-get install runsc` (Debian) and run the tests as root " +
        "(each run gets its own memory and cpu cgroup). CI installs it in .ci/run.",
    );
  }
}

/**
 * Host processes still alive of the sandboxes a grader process started (runsc, its gofer or
 * sandbox): by default this process's; other processes' runs (a parallel test file, a job
 * runner) are theirs to account for.
 */
export async function leftoverSandboxes(graderPid: number = process.pid): Promise<string[]> {
  const left: string[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes("runsc") && cmdline.includes(`lumen-sandbox-${graderPid}-`)) {
      left.push(`${pid}: ${cmdline.replaceAll("\0", " ").slice(0, 200)}`);
    }
  }
  return left;
}

/** This process's run directories and run cgroups (below its own cgroups) still present. */
export async function leftoverRuns(): Promise<string[]> {
  const parents = await cgroupParents();
  if ("reason" in parents) return [];
  const left: string[] = [];
  for (const name of await readdir(tmpdir())) {
    if (name.startsWith(`lumen-sandbox-${process.pid}-`)) left.push(join(tmpdir(), name));
  }
  for (const parent of [parents.memory, parents.cpu]) {
    for (const name of await readdir(parent)) {
      if (name.startsWith(`lumen-${process.pid}-`)) left.push(join(parent, name));
    }
  }
  return left;
}

/** After any run, however hostile: nothing of it is left, and the next run works. */
export async function expectSandboxStillServes(): Promise<void> {
  expect(await leftoverSandboxes()).toEqual([]);
  const next = await runPython('print("next")');
  expect(next).toMatchObject({ status: "ok", stdout: "next\n" });
  // After the next run: a run sweeps what a crashed grader left before it starts.
  expect(await leftoverRuns()).toEqual([]);
}
