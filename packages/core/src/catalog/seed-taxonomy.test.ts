import { SEED_CATEGORIES, SEED_LANGUAGES } from "@lumen/db/seed";
import { CATEGORIES, LANGUAGE_CODES } from "@lumen/shared";
import { describe, expect, it } from "vitest";

// packages/db cannot import @lumen/shared, so the seed keeps its own lists; a seeded course
// outside the taxonomy could never be found by a category or language filter.
describe("seed vocabularies", () => {
  it("seeds exactly the taxonomy's categories", () => {
    expect([...SEED_CATEGORIES].sort()).toEqual([...CATEGORIES].sort());
  });

  it("seeds only languages the catalog filter accepts", () => {
    for (const language of SEED_LANGUAGES) expect(LANGUAGE_CODES).toContain(language);
  });
});
