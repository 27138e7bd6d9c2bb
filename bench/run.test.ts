import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL(".", import.meta.url));
const benches = readdirSync(dir)
  .filter(
    (f) =>
      f.endsWith(".ts") && !/\.(test|config)\.ts$/.test(f) && f !== "run.ts" && !f.startsWith("_"),
  )
  .map((f) => f.replace(/\.ts$/, ""));
const bench = (...args: string[]) =>
  spawnSync("tsx", [`${dir}/run.ts`, ...args], { encoding: "utf8", timeout: 50_000 });

describe("pnpm bench", () => {
  it.each(benches)(
    "%s --help says what it measures and how to call it, and runs nothing",
    (name) => {
      const result = bench(name, "--help");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`pnpm bench ${name}`);
      expect(result.stderr).toBe("");
    },
  );

  it("answers a mistyped option with one line, not a stack trace", () => {
    const result = bench("search", "--iteratons", "3");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("pnpm bench search: Unknown option '--iteratons'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("lists the benches when asked for an unknown one", () => {
    const result = bench("nope");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`available: ${benches.join(", ")}`);
  });
});
