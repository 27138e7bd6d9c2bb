/**
 * `pnpm bench <name>` runs bench/<name>.ts. Benchmarks print tables of medians and
 * percentiles; they are measurements, never assertions in the test suite.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""));
const [name, ...args] = process.argv.slice(2);

if (!name || !existsSync(`${dir}/${name}.ts`)) {
  console.error(`usage: pnpm bench <name> [args]\navailable: ${available.join(", ") || "(none)"}`);
  process.exit(name ? 1 : 0);
}
const result = spawnSync("tsx", [`${dir}/${name}.ts`, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
