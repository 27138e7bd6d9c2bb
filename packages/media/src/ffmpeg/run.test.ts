import { readdirSync, readFileSync } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { MediaRejectedError, TOO_LONG_REASON } from "./errors";
import { runProcess, withPrivateTempDir } from "./run";

/** Pids of live processes in a process group (the runner makes each child a group leader). */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      // After "pid (comm) ": state, ppid, pgrp. Zombies have exited already.
      if (Number(fields[2]) === pgid && fields[0] !== "Z") members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe("withPrivateTempDir", () => {
  it("hands out a fresh 0700 directory under the OS temp dir and removes it afterwards", async () => {
    let seen = "";
    const result = await withPrivateTempDir(async (dir) => {
      seen = dir;
      await writeFile(`${dir}/file`, "x");
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      return 42;
    });
    expect(result).toBe(42);
    expect(seen.startsWith(tmpdir())).toBe(true);
    expect(await exists(seen)).toBe(false);
  });

  it("removes the directory even when the work throws", async () => {
    let seen = "";
    await expect(
      withPrivateTempDir(async (dir) => {
        seen = dir;
        await writeFile(`${dir}/partial.ts`, "x");
        throw new Error("encode failed");
      }),
    ).rejects.toThrow("encode failed");
    expect(seen).not.toBe("");
    expect(await exists(seen)).toBe(false);
  });
});

describe("runProcess", () => {
  it("kills the whole process group on timeout and rejects the media as too slow", async () => {
    let pgid = 0;
    const started = Date.now();
    const run = runProcess("/bin/sh", ["-c", "sleep 30 & sleep 30; wait"], {
      timeoutMs: 300,
      onSpawn: (pid) => {
        pgid = pid;
      },
    });
    await expect(run).rejects.toThrow(MediaRejectedError);
    await expect(run).rejects.toMatchObject({ reason: TOO_LONG_REASON });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(pgid).toBeGreaterThan(0);
    // SIGKILL is delivered asynchronously: a member may still be on its way out for a moment.
    await expect.poll(() => groupMembers(pgid), { timeout: 2_000 }).toEqual([]);
  });

  it("rethrows the abort reason after killing the group", async () => {
    let pgid = 0;
    const controller = new AbortController();
    const run = runProcess("/bin/sh", ["-c", "sleep 30 & sleep 30; wait"], {
      timeoutMs: 60_000,
      signal: controller.signal,
      onSpawn: (pid) => {
        pgid = pid;
      },
    });
    setTimeout(() => controller.abort(new Error("runner shutting down")), 200);
    await expect(run).rejects.toThrow("runner shutting down");
    // SIGKILL is delivered asynchronously: a member may still be on its way out for a moment.
    await expect.poll(() => groupMembers(pgid), { timeout: 2_000 }).toEqual([]);
  });

  it("does not start at all when already aborted", async () => {
    let spawned = false;
    const run = runProcess("/bin/true", [], {
      timeoutMs: 1_000,
      signal: AbortSignal.abort(new Error("gone")),
      onSpawn: () => {
        spawned = true;
      },
    });
    await expect(run).rejects.toThrow("gone");
    expect(spawned).toBe(false);
  });

  it("renices the child when asked", async () => {
    // The sleep gives the parent time to renice before cat reads its (inherited) priority.
    const script = "sleep 0.3; exec cat /proc/self/stat";
    const niced = await runProcess("/bin/sh", ["-c", script], {
      timeoutMs: 5_000,
      niceness: 10,
      captureStdoutBytes: 4096,
    });
    const normal = await runProcess("/bin/sh", ["-c", script], {
      timeoutMs: 5_000,
      captureStdoutBytes: 4096,
    });
    // Field 19 of /proc/<pid>/stat is the nice value (16th after "pid (comm) ").
    const nice = (stat: Buffer) => Number(String(stat).split(") ")[1]?.split(" ")[16]);
    expect(nice(niced.stdout) - nice(normal.stdout)).toBe(10);
  });

  it("passes the child PATH, locale and charset table only: secrets stay out of ffmpeg", async () => {
    const run = await runProcess("/usr/bin/env", [], {
      timeoutMs: 5_000,
      captureStdoutBytes: 64 * 1024,
    });
    const names = String(run.stdout)
      .trim()
      .split("\n")
      .map((line) => line.split("=")[0])
      .sort();
    expect(names).toEqual(["GCONV_PATH", "LC_ALL", "PATH"]);
  });

  it("keeps only a bounded tail of stderr", async () => {
    const run = await runProcess(
      "/bin/sh",
      ["-c", "head -c 2000000 /dev/zero | tr '\\0' x >&2; echo END >&2; exit 3"],
      { timeoutMs: 10_000 },
    );
    expect(run.exitCode).toBe(3);
    expect(run.stderr.length).toBeLessThanOrEqual(32 * 1024);
    expect(run.stderr.trimEnd().endsWith("END")).toBe(true);
  });

  it("reports a missing binary as an ordinary error, not a media rejection", async () => {
    const run = runProcess("/nonexistent/ffmpeg", [], { timeoutMs: 1_000 });
    await expect(run).rejects.toThrow(/could not start/);
    await expect(run).rejects.not.toBeInstanceOf(MediaRejectedError);
  });
});
