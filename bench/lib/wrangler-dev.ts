import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface WranglerDev {
  url: string;
  stop(): Promise<void>;
}

/**
 * `wrangler dev --local` for the edge Worker on a free loopback port, with `vars` overriding
 * wrangler.toml and a throwaway state directory (an empty cache and KV, so "cold" is cold).
 * It runs in its own process group so stopping it also stops workerd.
 */
export async function startWranglerDev(vars: Record<string, string>): Promise<WranglerDev> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "lumen-edge-bench-"));
  const args = ["--filter", "@lumen/edge", "exec", "wrangler", "dev"];
  args.push("--config", join(repoRoot, "wrangler.toml"), "--local", "--ip", "127.0.0.1");
  args.push("--port", String(port), "--inspector-port", String(await freePort()));
  args.push("--persist-to", state, "--show-interactive-dev-session=false", "--log-level", "warn");
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const child = spawn("pnpm", args, {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await killGroup(child);
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHealthy(`${url}/healthz`, child, 90_000);
  } catch (error) {
    await stop();
    throw new Error(`wrangler dev did not start: ${String(error)}\n${output.slice(-2000)}`);
  }
  return { url, stop };
}

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not healthy after ${timeoutMs / 1000} s`);
}

async function killGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {}
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
