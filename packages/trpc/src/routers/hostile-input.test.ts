import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../root";
import { errorOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";
import { plainStrings } from "../testing/plain-strings";
import {
  changedParts,
  HOSTILE_STRINGS,
  outcomeOf,
  procedureAt,
  stringPaths,
  withValueAt,
  worldState,
} from "../testing/sweep";
import { SAMPLES } from "../testing/sweep-samples";
import { buildSweepWorld, type SweepWorld } from "../testing/sweep-world";

let t: TestContext;
let w: SweepWorld;

beforeAll(async () => {
  t = await createTestContext();
  w = await buildSweepWorld(t);
});
afterAll(() => t.close());

const procedures = Object.keys(appRouter._def.procedures);

/**
 * The zod schemas a procedure parses its input with (none when it takes no input).
 * `_def.procedures` is typed as the nested router record but is the flat dotted map at run
 * time, hence the untyped lookups.
 */
function inputParsers(path: string): z.ZodType[] {
  const procedure: object = Reflect.get(appRouter._def.procedures, path);
  const inputs: unknown = Reflect.get(Reflect.get(procedure, "_def"), "inputs");
  if (!Array.isArray(inputs) || !inputs.every((input) => input instanceof z.ZodType)) {
    throw new Error(`${path}: inputs are not zod schemas`);
  }
  return inputs;
}

function sampleCall(path: string) {
  const sample = SAMPLES[path];
  if (!sample) return null;
  const { as, input } = sample(w);
  return { call: procedureAt(t.callerFor(w[as]), path), input };
}

describe("hostile strings in every procedure's input", () => {
  it("every procedure of the router has a sample input (null when it takes none)", () => {
    expect(procedures.filter((path) => !(path in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((path) => !procedures.includes(path))).toEqual([]);
  });

  // One test per router namespace: the sweep grows with every procedure, and a namespace's
  // calls (each with before/after digests of every table) stay well inside the test timeout.
  // A namespace whose procedures all take no input (privacy) has no strings to sweep.
  const swept = procedures.filter((path) => SAMPLES[path] !== null);
  const namespaces = [...new Set(swept.map((path) => path.split(".")[0] ?? path))];
  it.each(namespaces)(
    "%s: NUL, lone surrogates, control characters and overlong strings are 400s that change nothing",
    async (namespace) => {
      const failures: string[] = [];
      let calls = 0;
      let internal = 0;
      for (const path of procedures.filter((p) => p.startsWith(`${namespace}.`))) {
        const sample = sampleCall(path);
        if (!sample) continue;
        const before = await worldState(t.db, t.mediaStore);
        for (const leaf of stringPaths(sample.input)) {
          for (const [name, hostile] of Object.entries(HOSTILE_STRINGS)) {
            calls += 1;
            const outcome = await outcomeOf(sample.call(withValueAt(sample.input, leaf, hostile)));
            if (outcome === "INTERNAL_SERVER_ERROR") internal += 1;
            if (outcome !== "BAD_REQUEST")
              failures.push(`${path} ${leaf.join(".")} ${name}: ${outcome}`);
          }
        }
        const changed = changedParts(before, await worldState(t.db, t.mediaStore));
        if (changed.length > 0) failures.push(`${path} changed ${changed.join(", ")}`);
      }
      console.info(
        `hostile-input sweep of ${namespace}: ${calls} calls, ${internal} INTERNAL_SERVER_ERROR`,
      );
      expect(calls).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    },
  );

  it("a refusal names the field and the character, where the form can show it", async () => {
    const error = await errorOf(
      t.callerFor(w.owner).authoring.renameModule({ moduleId: w.moduleId, title: "Intro\u0000" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    if (!(error.cause instanceof z.ZodError))
      throw new Error("expected the input schema to refuse");
    expect(z.flattenError(error.cause).fieldErrors).toEqual({
      title: ["Module title contains an invisible control character (U+0000). Remove it."],
    });
  });

  it("every free-text input is built with text() from @lumen/shared, none from a bare z.string()", () => {
    const plain = procedures.flatMap((path) =>
      inputParsers(path).flatMap((parser) => plainStrings(parser, path)),
    );
    expect(plain).toEqual([]);
  });

  it("the samples themselves are valid input, so each hostile call differed in one string only", () => {
    const refused: string[] = [];
    for (const path of procedures) {
      const sample = sampleCall(path);
      for (const parser of inputParsers(path)) {
        const result = parser.safeParse(sample?.input);
        if (!result.success) refused.push(`${path}: ${z.prettifyError(result.error)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
