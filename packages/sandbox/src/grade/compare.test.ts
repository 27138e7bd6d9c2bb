import { expect, test } from "vitest";
import { firstDifference, jsonEqual, outputMatches } from "./compare";

const tolerance = { absolute: 1e-9, relative: 0 };

test("trim ignores trailing whitespace and trailing newlines, which exact does not", () => {
  const [expected, actual] = ["a b\nc\n", "a b  \nc\n\n\n"];
  expect(outputMatches(expected, actual, "trim", tolerance)).toBe(true);
  expect(outputMatches(expected, actual, "exact", tolerance)).toBe(false);
  expect(outputMatches("a b", " a b", "trim", tolerance)).toBe(false);
});

test("tokens ignores all whitespace between tokens, which trim and exact do not", () => {
  const [expected, actual] = ["a b c\n", "a   b\n\nc"];
  expect(outputMatches(expected, actual, "tokens", tolerance)).toBe(true);
  expect(outputMatches(expected, actual, "trim", tolerance)).toBe(false);
  expect(outputMatches(expected, actual, "exact", tolerance)).toBe(false);
  expect(outputMatches("1 2", "1 2.0", "tokens", tolerance)).toBe(false);
});

test("numeric compares numbers within the tolerance and other tokens exactly", () => {
  const [expected, actual] = ["0.3 1000 ok", "0.30000000000000004 1e3 ok"];
  expect(outputMatches(expected, actual, "numeric", tolerance)).toBe(true);
  expect(outputMatches(expected, actual, "exact", tolerance)).toBe(false);
  expect(outputMatches("0.3", "0.31", "numeric", tolerance)).toBe(false);
  expect(outputMatches("100", "101", "numeric", { absolute: 0, relative: 0.01 })).toBe(true);
  expect(outputMatches("ok", "OK", "numeric", tolerance)).toBe(false);
});

test("JSON results are deep-equal, numbers within a tolerance only when one is given", () => {
  expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
  expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  expect(jsonEqual(0.3, 0.1 + 0.2)).toBe(false);
  expect(jsonEqual([0.3], [0.1 + 0.2], tolerance)).toBe(true);
});

test("the diff names the first differing line", () => {
  expect(firstDifference("1\n2\n3", "1\n5\n3")).toEqual({
    line: 2,
    expected: '"2"',
    actual: '"5"',
  });
  expect(firstDifference("1\n2", "1")).toMatchObject({ line: 2, actual: "(no line)" });
});
