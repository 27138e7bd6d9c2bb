/**
 * `pnpm test`: lint, typecheck, then every workspace package's tests one after another,
 * closing with one plain "N passed, N failed" line summed over all vitest runs.
 */
import { spawn } from "node:child_process";

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

function run(command: string, args: string[], onLine?: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) onLine?.(line.replace(ANSI, ""));
    });
    child.on("close", (code) => {
      if (buffered) onLine?.(buffered.replace(ANSI, ""));
      resolve(code ?? 1);
    });
  });
}

const totals = { passed: 0, failed: 0, skipped: 0 };
function count(line: string) {
  // vitest's summary: "      Tests  2 failed | 17 passed | 1 skipped (20)"
  const summary = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!summary?.[1]) return;
  for (const part of summary[1].split("|")) {
    const m = /(\d+)\s+(passed|failed|skipped|todo)/.exec(part);
    if (m?.[1] && m[2] && m[2] !== "todo") totals[m[2] as keyof typeof totals] += Number(m[1]);
  }
}

const steps: Array<[string, string[]]> = [
  ["pnpm", ["lint"]],
  ["pnpm", ["typecheck"]],
  ["pnpm", ["-r", "--workspace-concurrency=1", "--if-present", "test"]],
];
let exitCode = 0;
for (const [command, args] of steps) {
  const code = await run(command, args, count);
  if (code !== 0) {
    exitCode = code;
    console.error(`\n${command} ${args.join(" ")} failed with exit code ${code}`);
    break;
  }
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
