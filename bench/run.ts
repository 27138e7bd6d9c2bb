/**
 * `pnpm bench <name>` runs bench/<name>.ts. Benchmarks print tables of medians and
 * percentiles; they are measurements, never assertions in the test suite.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(dir)
  .filter(
    (f) =>
      f.endsWith(".ts") && !/\.(test|config)\.ts$/.test(f) && f !== "run.ts" && !f.startsWith("_"),
  )
  .map((f) => f.replace(/\.ts$/, ""));
const [name, ...args] = process.argv.slice(2);

if (!name || !existsSync(`${dir}/${name}.ts`)) {
  console.error(`usage: pnpm bench <name> [args]\navailable: ${available.join(", ") || "(none)"}`);
  process.exit(name ? 1 : 0);
}
if (args.includes("--help") || args.includes("-h")) {
  // Every bench opens with a doc comment saying what it measures and how to call it.
  const source = readFileSync(`${dir}/${name}.ts`, "utf8");
  const doc = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(source)?.[1] ?? "";
  console.log(doc.replace(/^ \* ?/gm, "") || `pnpm bench ${name}: no description`);
  process.exit(0);
}
const result = spawnSync("tsx", [`${dir}/${name}.ts`, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
