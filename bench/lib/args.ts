import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * A bench's command line: node's parseArgs, except that a mistyped option ends the run with
 * one line and a pointer to `--help` (which bench/run.ts answers from the bench's own doc
 * comment) instead of a stack trace.
 */
export function benchArgs<const T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    const name = process.argv[1]?.replace(/^.*\//, "").replace(/\.ts$/, "") ?? "bench";
    console.error(`pnpm bench ${name}: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`see: pnpm bench ${name} --help`);
    process.exit(2);
  }
}
