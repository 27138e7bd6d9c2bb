import { execFileSync, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ExitInfo, processGroupsUnder, Supervisor } from "./processes";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function readPid(file: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const pid = Number.parseInt(await readFile(file, "utf8").catch(() => ""), 10);
    if (!Number.isNaN(pid)) return pid;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no pid in ${file}`);
}

describe("Supervisor", () => {
  it("stops a command and what it started in a process group of its own", async () => {
    const pidFile = join(tmpdir(), `lumen-supervisor-${process.pid}-${Date.now()}`);
    const exits: ExitInfo[] = [];
    const supervisor = new Supervisor((exit) => exits.push(exit));
    // Like pnpm with a script: the command puts its child in another group (setsid), so the
    // SIGTERM sent to the command's group does not reach it; the SIGKILL fallback must.
    supervisor.start({
      name: "tree",
      color: "cyan",
      command: "sh",
      args: ["-c", `setsid sh -c 'echo $$ > ${pidFile}; exec sleep 300' & wait`],
      cwd: tmpdir(),
      env: process.env,
    });
    const grandchild = await readPid(pidFile);
    expect(alive(grandchild)).toBe(true);
    await supervisor.stopAll(300);
    expect(alive(grandchild)).toBe(false);
    expect(exits).toEqual([]); // a requested stop is not reported as a crash
  });

  it("reports a command that exits on its own", async () => {
    const exited = new Promise<ExitInfo>((resolve) => {
      new Supervisor(resolve).start({
        name: "crasher",
        color: "red",
        command: "sh",
        args: ["-c", "exit 3"],
        cwd: tmpdir(),
        env: process.env,
      });
    });
    await expect(exited).resolves.toEqual({ name: "crasher", code: 3, signal: null });
  });
});

describe("processGroupsUnder", () => {
  it("finds a descendant's process group but never the caller's own", () => {
    const child = spawn("sleep", ["30"], { detached: true, stdio: "ignore" });
    try {
      const ownGroup = Number(
        execFileSync("ps", ["-o", "pgid=", "-p", String(process.pid)], { encoding: "utf8" }),
      );
      const groups = processGroupsUnder([process.pid]);
      expect(groups).toContain(child.pid);
      expect(groups).not.toContain(ownGroup);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
