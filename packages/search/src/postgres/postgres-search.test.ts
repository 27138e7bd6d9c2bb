import { courses } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureKey, insertFixtureCatalog } from "../testing";
import type { SearchBackend } from "../types";
import { createPostgresSearch } from "./backend";

// Behaviour only the Postgres backend has: language-aware stemming and its own vocabulary.
let database: TestDatabase;
let search: SearchBackend;
let ids: Record<FixtureKey, string>;
const run = (input: CatalogQueryInput) => search.search(catalogQuerySchema.parse(input));
const found = async (input: CatalogQueryInput) =>
  (await run(input)).items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]);

beforeAll(async () => {
  database = await createTestDatabase();
  search = createPostgresSearch({ db: database.db });
  ids = await insertFixtureCatalog(database.db);
  await search.reindexAll();
});
afterAll(() => database.close());

async function retitle(key: FixtureKey, title: string) {
  await database.db
    .update(courses)
    .set({ title, updatedAt: sql`now()` })
    .where(eq(courses.id, ids[key]));
  await search.indexCourse(ids[key]);
}

describe("Postgres search", () => {
  it("matches other forms of a word through the course language's stemmer", async () => {
    // "models" in English courses, "Aprende" in a Spanish one, "peinture" in a French one.
    expect(new Set(await found({ query: "modeling" }))).toEqual(
      new Set(["machineLearning", "practicalMl"]),
    );
    expect(await found({ query: "aprender" })).toEqual(["pythonSpanish"]);
    expect(await found({ query: "peintures", language: "fr" })).toEqual(["artHistory"]);
  });

  it("corrects towards words of indexed titles, and forgets a word no title uses any more", async () => {
    await retitle("deepLearning", "Quantum Chromodynamics");
    expect((await run({ query: "chromodinamics" })).correctedQuery).toBe("chromodynamics");
    await retitle("deepLearning", "Quantum Physics");
    expect((await run({ query: "chromodinamics" })).correctedQuery).toBeUndefined();
    // A word still used by another course stays correctable.
    expect((await run({ query: "pythn" })).correctedQuery).toBe("python");
  });

  it("does not correct a word that only appears in descriptions", async () => {
    const result = await run({ query: "scikit" });
    expect(result.correctedQuery).toBeUndefined();
    expect(result.items).toHaveLength(1);
  });

  it("counts a minimum rating exactly, on the 0.1 grid (cached counts) and off it", async () => {
    // 4.1 is not exact as a real; the course rated 4.1 must still pass "4.1 and up".
    expect((await run({ minRating: 4.1 })).total).toBe(8);
    expect((await run({ minRating: 4.15 })).total).toBe(7);
    expect((await run({ minRating: 4.1, level: "advanced" })).facets.level).toContainEqual({
      value: "advanced",
      count: 3,
    });
  });

  it("updates listing counts as soon as this process indexes a change", async () => {
    const before = (await run({})).total;
    await database.db
      .update(courses)
      .set({ status: "draft", updatedAt: sql`now()` })
      .where(eq(courses.id, ids.java));
    await search.indexCourse(ids.java);
    expect((await run({})).total).toBe(before - 1);
  });
});
