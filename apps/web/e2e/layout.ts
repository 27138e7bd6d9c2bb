import type { Locator } from "playwright-core";
import { expect } from "vitest";

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator, what: string): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${what} is not on screen`);
  return found;
}

/** Layout checks by bounding box, so a defect seen in a screenshot fails a test too. */
export async function expectApart(a: Locator, b: Locator): Promise<void> {
  const [one, two] = [await box(a, "the first element"), await box(b, "the second element")];
  const overlap =
    one.x < two.x + two.width &&
    two.x < one.x + one.width &&
    one.y < two.y + two.height &&
    two.y < one.y + one.height;
  expect(overlap, `${JSON.stringify(one)} overlaps ${JSON.stringify(two)}`).toBe(false);
}

/** Both on one row: their vertical middles within a few pixels. */
export async function expectSameRow(a: Locator, b: Locator): Promise<void> {
  const [one, two] = [await box(a, "the first element"), await box(b, "the second element")];
  const middle = (x: Box) => x.y + x.height / 2;
  expect(Math.abs(middle(one) - middle(two))).toBeLessThan(4);
}
