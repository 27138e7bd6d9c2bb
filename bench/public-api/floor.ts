import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./noop-server.ts", import.meta.url));

/**
 * The no-op server (noop-server.ts) as a child process, as the API runs: its own Node
 * process on loopback, so the load generator and the server do not share an event loop.
 */
export async function startNoopServer() {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no-op server not ready:\n${output}`)), 30_000);
    child.stderr?.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stdout?.on("data", (d: Buffer) => {
      output += d.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`no-op server exited (${code}):\n${output}`));
    });
  });
  if (child.pid === undefined) throw new Error("no-op server has no pid");
  return {
    url,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
