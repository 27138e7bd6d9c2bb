import type { OutputDiff } from "./result";
import type { Normalisation, Tolerance } from "./schema";

const trimLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n+$/, "");

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function numbersClose(expected: number, actual: number, tolerance: Tolerance): boolean {
  if (expected === actual) return true;
  const difference = Math.abs(expected - actual);
  return difference <= tolerance.absolute || difference <= tolerance.relative * Math.abs(expected);
}

/** Whether a program's stdout matches the expected output under the test's normalisation. */
export function outputMatches(
  expected: string,
  actual: string,
  mode: Normalisation,
  tolerance: Tolerance,
): boolean {
  switch (mode) {
    case "exact":
      return expected === actual;
    case "trim":
      return trimLines(expected) === trimLines(actual);
    case "tokens":
    case "numeric": {
      const [want, got] = [tokens(expected), tokens(actual)];
      if (want.length !== got.length) return false;
      return want.every((token, i) => {
        const other = got[i] as string;
        if (token === other) return true;
        if (mode === "tokens" || !NUMBER.test(token) || !NUMBER.test(other)) return false;
        return numbersClose(Number(token), Number(other), tolerance);
      });
    }
  }
}

/** JSON deep equality; numbers within `tolerance` when one is given. */
export function jsonEqual(expected: unknown, actual: unknown, tolerance?: Tolerance): boolean {
  if (typeof expected === "number" && typeof actual === "number") {
    return tolerance ? numbersClose(expected, actual, tolerance) : expected === actual;
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((item, i) => jsonEqual(item, actual[i], tolerance))
    );
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const [want, got] = [expected as Record<string, unknown>, actual as Record<string, unknown>];
    const keys = Object.keys(want);
    return (
      keys.length === Object.keys(got).length &&
      keys.every((key) => Object.hasOwn(got, key) && jsonEqual(want[key], got[key], tolerance))
    );
  }
  return expected === actual;
}

const CUT = 200;
const cut = (line: string) => (line.length > CUT ? `${line.slice(0, CUT)}…` : line);

/** The first line where the two outputs differ, for a sample's compact diff. */
export function firstDifference(expected: string, actual: string): OutputDiff | undefined {
  if (expected === actual) return undefined;
  const [want, got] = [expected.split("\n"), actual.split("\n")];
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      const show = (line: string | undefined) =>
        line === undefined ? "(no line)" : JSON.stringify(cut(line));
      return { line: i + 1, expected: show(want[i]), actual: show(got[i]) };
    }
  }
  return undefined;
}
