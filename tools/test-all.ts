/**
 * `pnpm test`: lint, typecheck, then every workspace package's tests one after another,
 * closing with one line that lists each vitest run ("core (postgres): 120 passed; core
 * (pglite): 118 passed; …") and ends with the plain "N passed, N failed" summed over them.
 */
import { spawn } from "node:child_process";
import { createTestSummary } from "./test-summary";

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

const summary = createTestSummary();

const steps: Array<[string, string[]]> = [
  ["pnpm", ["lint"]],
  ["pnpm", ["typecheck"]],
  ["pnpm", ["-r", "--workspace-concurrency=1", "--if-present", "test"]],
];
let exitCode = 0;
for (const [command, args] of steps) {
  const code = await run(command, args, summary.read);
  if (code !== 0) {
    exitCode = code;
    console.error(`\n${command} ${args.join(" ")} failed with exit code ${code}`);
    break;
  }
}
console.log(`\n${summary.closingLine()}`);
process.exit(exitCode || (summary.failed() > 0 ? 1 : 0));
