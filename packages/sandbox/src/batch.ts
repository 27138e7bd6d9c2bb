import { writeBatchBundle } from "./bundle";
import { SandboxFailedError } from "./errors";
import type { SandboxOptions } from "./host";
import { type LanguageName, languages } from "./languages";
import type { Limits, RunResult } from "./request";
import { limitsSchema } from "./request";
import { assertRunscRan, START_GRACE_MS, spawnSandbox, withSandboxRun } from "./run";

/** One program of a batch: argv inside the sandbox, its input and its own time limit. */
export interface BatchStep {
  argv: string[];
  stdin: string;
  timeMs: number;
  /** Stop the batch here when this run does not exit 0 (a failed syntax check). */
  stopIfFails?: boolean;
}

export interface BatchRequest {
  language: LanguageName;
  files: Record<string, string>;
  steps: BatchStep[];
  /** The sandbox's memory (every run's), output cap per stream, processes, file size. */
  limits?: Partial<Limits>;
}

/** Time a supervisor needs per run besides the program (copying files, starting it). */
const PER_STEP_GRACE_MS = 250;
/** A result line is at most two capped streams, JSON-escaped; the rest is a misbehaving sandbox. */
const LINE_MAX = 16 * 64 * 1024 + 4096;

/**
 * Runs a submission's programs one after another in ONE gVisor sandbox: the sandbox starts
 * once (its start-up is most of a short run's cost), and a supervisor inside it runs each
 * program as the unprivileged user in a fresh copy of the files, with the step's time limit
 * and the output cap, and kills everything it left before the next (grade/supervisor.py).
 *
 * When the sandbox itself ends early — the memory cgroup's OOM killer (a program over the
 * memory limit takes the whole sandbox down), or the host's overall kill — the run in progress
 * is reported as that limit and the remaining steps go on in a fresh sandbox. Results are in
 * step order; a step after a failed `stopIfFails` step has none.
 */
export async function runBatch(
  request: BatchRequest,
  options: SandboxOptions = {},
): Promise<Array<RunResult | undefined>> {
  const limits = limitsSchema.parse(request.limits ?? {});
  const results: Array<RunResult | undefined> = [];
  let from = 0;
  while (from < request.steps.length) {
    const { done, stopped } = await runFrom(request, limits, from, options);
    done.forEach((result, i) => {
      results[from + i] = result;
    });
    if (stopped || done.length === 0) break;
    from += done.length;
  }
  return results;
}

async function runFrom(
  request: BatchRequest,
  limits: Limits,
  from: number,
  options: SandboxOptions,
): Promise<{ done: RunResult[]; stopped: boolean }> {
  const steps = request.steps.slice(from);
  return withSandboxRun(
    options,
    limits.memoryMb,
    (dir) => writeBatchBundle(dir, { language: request.language, files: request.files, limits }),
    async (run) => {
      const child = spawnSandbox(run);
      const done: RunResult[] = [];
      let current: number | null = null;
      let stopped = false;
      let killedForTime = false;
      let pending = "";
      const onLine = (line: string) => {
        const event = JSON.parse(line) as { start?: number } & Partial<RunResult> & {
            result?: number;
          };
        if (event.start !== undefined) current = event.start;
        if (event.result !== undefined) {
          const { result: index, ...result } = event;
          done.push(result as RunResult);
          current = null;
          const step = steps[index];
          if (step?.stopIfFails && result.status !== "ok") stopped = true;
        }
      };
      child.stdout.on("data", (chunk: Buffer) => {
        pending += chunk.toString("utf8");
        let newline = pending.indexOf("\n");
        while (newline >= 0) {
          onLine(pending.slice(0, newline));
          pending = pending.slice(newline + 1);
          newline = pending.indexOf("\n");
        }
        if (pending.length > LINE_MAX) void run.cgroup.killAll().catch(() => undefined);
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr = (stderr + chunk.toString("utf8")).slice(-4_000);
      });
      child.stdin.on("error", () => undefined);
      const env = {
        PATH: "/usr/local/bin:/usr/bin:/bin",
        HOME: "/tmp",
        LANG: "C.UTF-8",
        ...languages[request.language].env,
      };
      // Length-prefixed frames: the supervisor reads each step only when it runs it.
      const frame = (value: unknown) => {
        const body = Buffer.from(JSON.stringify(value), "utf8");
        return Buffer.concat([Buffer.from(`${body.length}\n`), body]);
      };
      child.stdin.end(
        Buffer.concat([
          frame({ steps: steps.length, env, outputBytes: limits.outputBytes }),
          ...steps.map(frame),
        ]),
      );
      const budget =
        steps.reduce((sum, step) => sum + step.timeMs + PER_STEP_GRACE_MS, 0) + START_GRACE_MS;
      const timer = setTimeout(() => {
        killedForTime = true;
        void run.cgroup.killAll().catch(() => undefined);
      }, budget);
      const code = await new Promise<number | null>((resolve, reject) => {
        child.on("error", reject);
        child.on("close", (exitCode) => resolve(exitCode));
      }).finally(() => clearTimeout(timer));
      await run.cgroup.killAll();
      if (current === null) {
        if (code !== 0 && done.length < steps.length && !stopped) {
          await assertRunscRan(run.dir, code);
          throw new SandboxFailedError(
            `the batch supervisor ended early (exit ${code}): ${stderr.trim().slice(-500)}`,
          );
        }
        return { done, stopped };
      }
      // The sandbox went down during a run: that run met a limit of the whole sandbox.
      const oom = await run.cgroup.oomKilled();
      if (!oom && !killedForTime) {
        await assertRunscRan(run.dir, code);
        throw new SandboxFailedError(
          `the sandbox ended during a run (exit ${code}): ${stderr.trim().slice(-500)}`,
        );
      }
      const memoryKb = await run.cgroup.peakKb();
      done.push({
        status: oom ? "memory_limit" : "time_limit",
        exitCode: null,
        signal: "SIGKILL",
        stdout: "",
        stderr: "",
        timeMs: steps[current]?.timeMs ?? 0,
        ...(memoryKb === undefined ? {} : { memoryKb }),
      });
      return { done, stopped: false };
    },
  );
}
