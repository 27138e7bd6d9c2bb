import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./net";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export interface WranglerDev {
  url: string;
  stop(): Promise<void>;
  /** The last 16 kB wrangler and workerd printed, for failure messages. */
  output(): string;
  exited(): boolean;
}

/**
 * `wrangler dev --local` for the edge Worker on a free loopback port, with `vars` overriding
 * wrangler.toml and a throwaway state directory (an empty cache, KV and R2, so "cold" is cold).
 * Secrets (EDGE_INTERNAL_SECRET, MEDIA_KEYS, ISSUER_KEYS) come from the repo-root .dev.vars beside wrangler.toml,
 * which matches the API's development defaults. It runs in its own process group so stopping
 * it also stops workerd. Used by benchmarks and by tests that need the real edge.
 */
export async function startWranglerDev(
  vars: Record<string, string> = {},
  /** A port chosen beforehand (freePort), e.g. when a var must name the edge's own URL. */
  options: { port?: number } = {},
): Promise<WranglerDev> {
  const port = options.port ?? (await freePort());
  const state = mkdtempSync(join(tmpdir(), "lumen-edge-"));
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
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (d) => {
      output = (output + String(d)).slice(-16_000);
    });
  }
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
  return { url, stop, output: () => output, exited: () => child.exitCode !== null };
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
