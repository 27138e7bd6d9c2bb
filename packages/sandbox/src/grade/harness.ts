import type { LanguageName } from "../languages";
import { HARNESS_PREFIX } from "./schema";

/**
 * Per language: the syntax checker (run once per submission) and the function-test driver,
 * both small files put next to the learner's. A third language adds one entry here.
 */
export interface Harness {
  /** Which of the learner's files the checker compiles. */
  sources: RegExp;
  checker: { file: string; source: string };
  driver: { file: string; source: string };
}

// `python3 -m py_compile` in-process (the same function), the .pyc kept out of /work.
const PYTHON_CHECKER = `import py_compile, sys
ok = True
for name in sys.argv[1:]:
    try:
        py_compile.compile(name, cfile="/tmp/check.pyc", doraise=True)
    except py_compile.PyCompileError as error:
        ok = False
        print(error.msg, file=sys.stderr)
sys.exit(0 if ok else 1)
`;

// Reads the call before the learner's code runs (stdin is then empty for it), and writes the
// result on a duplicate of stdout taken first, so closing or replacing sys.stdout cannot lose it.
const PYTHON_DRIVER = `import json, os, runpy, sys
def main():
    call = json.loads(sys.stdin.read())
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    nonce = call.pop("nonce")
    namespace = runpy.run_path(call["entry"], run_name="solution")
    function = namespace.get(call["name"])
    if not callable(function):
        sys.exit(call["name"] + " is not a function in " + call["entry"])
    text = json.dumps(function(*call["args"]), allow_nan=False)
    sys.stdout.flush()
    out.write("\\n" + nonce + " " + text + "\\n")
    out.flush()
main()
`;

// What \`node --check\` does for a CommonJS file: compile it in the module wrapper.
const JAVASCRIPT_CHECKER = `"use strict";
const { readFileSync } = require("node:fs");
const { compileFunction } = require("node:vm");
let ok = true;
for (const file of process.argv.slice(2)) {
  try {
    compileFunction(readFileSync(file, "utf8"), ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
  } catch (error) {
    ok = false;
    process.stderr.write(String(error.stack).split("\\n    at ")[0] + "\\n");
  }
}
process.exitCode = ok ? 0 : 1;
`;

// Loads the learner's file as a CommonJS module and takes the function from its top level
// (a plain declaration) or its exports; an async function's promise is awaited.
const JAVASCRIPT_DRIVER = `"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { compileFunction } = require("node:vm");
const { createRequire } = require("node:module");
const call = JSON.parse(fs.readFileSync(0, "utf8"));
const nonce = call.nonce;
delete call.nonce;
const file = path.resolve(call.entry);
const body = fs.readFileSync(file, "utf8") +
  "\\n;return typeof " + call.name + " === 'function' ? " + call.name + " : module.exports[" + JSON.stringify(call.name) + "];";
const load = compileFunction(body, ["exports", "require", "module", "__filename", "__dirname"], { filename: file });
const mod = { exports: {} };
const fn = load.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
if (typeof fn !== "function") {
  process.stderr.write(call.name + " is not a function in " + call.entry + "\\n");
  process.exit(1);
}
Promise.resolve(fn(...call.args)).then((result) => {
  fs.writeSync(1, "\\n" + nonce + " " + (JSON.stringify(result) ?? "null") + "\\n");
}, (error) => {
  console.error(error);
  process.exitCode = 1;
});
`;

export const harnesses: Record<LanguageName, Harness> = {
  python: {
    sources: /\.py$/,
    checker: { file: `${HARNESS_PREFIX}check.py`, source: PYTHON_CHECKER },
    driver: { file: `${HARNESS_PREFIX}driver.py`, source: PYTHON_DRIVER },
  },
  javascript: {
    sources: /\.(?:js|cjs)$/,
    checker: { file: `${HARNESS_PREFIX}check.js`, source: JAVASCRIPT_CHECKER },
    driver: { file: `${HARNESS_PREFIX}driver.js`, source: JAVASCRIPT_DRIVER },
  },
};

/**
 * The driver's result: the last stdout line that starts with this run's nonce. The nonce is
 * 128 random bits sent on stdin, which the driver consumes before the learner's code runs.
 */
export function readMarkedResult(stdout: string, nonce: string): { json: unknown } | undefined {
  const prefix = `${nonce} `;
  const line = stdout
    .split("\n")
    .reverse()
    .find((l) => l.startsWith(prefix));
  if (line === undefined) return undefined;
  try {
    return { json: JSON.parse(line.slice(prefix.length)) };
  } catch {
    return undefined;
  }
}

/** The learner's stdout with the driver's line taken out. */
export function withoutMarker(stdout: string, nonce: string): string {
  return stdout
    .split("\n")
    .filter((l) => !l.startsWith(`${nonce} `))
    .join("\n");
}
