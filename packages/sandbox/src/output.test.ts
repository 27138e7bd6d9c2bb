import { expect, test } from "vitest";
import { CappedOutput } from "./output";

test("output up to the cap is kept whole", () => {
  const output = new CappedOutput(5);
  expect(output.push(Buffer.from("hello"))).toBe(true);
  expect(output.overflowed).toBe(false);
  expect(output.text()).toBe("hello");
});

test("one byte past the cap overflows and keeps only the cap", () => {
  const output = new CappedOutput(5);
  output.push(Buffer.from("hel"));
  expect(output.push(Buffer.from("lo!"))).toBe(false);
  expect(output.overflowed).toBe(true);
  expect(output.text()).toBe("hello");
});
