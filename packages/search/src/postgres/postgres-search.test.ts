import { courses } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "../query/parse";
import { type FixtureKey, insertFixtureCatalog } from "../testing";
import type { SearchBackend } from "../types";
import { createPostgresSearch } from "./backend";
import { ALL_STEMMING_CONFIGS } from "./languages";
import { createQueryCache, prepareQuery } from "./text-query";

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

  it("corrects a repeated query as a fresh search does, after another process changes the words", async () => {
    // `search` remembers that these queries needed no correction; the other process indexes.
    const other = createPostgresSearch({ db: database.db });
    const retitleElsewhere = async (title: string) => {
      await database.db
        .update(courses)
        .set({ title, updatedAt: sql`now()` })
        .where(eq(courses.id, ids.deepLearning));
      await other.indexCourse(ids.deepLearning);
    };
    const fresh = (input: CatalogQueryInput) =>
      createPostgresSearch({ db: database.db }).search(catalogQuerySchema.parse(input));
    await retitleElsewhere("Xylophonics Basics");
    for (const query of ["xylophonics", "xylophonics OR python"]) {
      const before = await run({ query });
      expect(before.correctedQuery).toBeUndefined();
      expect(before.total).toBeGreaterThan(0);
    }
    await retitleElsewhere("Xylophonist Basics");
    // No course has the word now: it is corrected, though this process last found it.
    const alone = await run({ query: "xylophonics" });
    expect(alone.correctedQuery).toBe("xylophonist");
    expect(alone).toEqual(await fresh({ query: "xylophonics" }));
    // Python still matches, which proves nothing about the other alternative.
    const either = await run({ query: "xylophonics OR python" });
    expect(either.correctedQuery).toBe("xylophonist OR python");
    expect(either).toEqual(await fresh({ query: "xylophonics OR python" }));
    // A query that matches nothing but whose words are known stays as it is (the second
    // search assumes, then checks them).
    await run({ query: "xylophonist scikit" });
    const none = await run({ query: "xylophonist scikit" });
    expect(none.total).toBe(0);
    expect(none).toEqual(await fresh({ query: "xylophonist scikit" }));
  });

  it("prepares a query from the cache exactly as from the database", async () => {
    const cache = createQueryCache();
    const texts = ["machine learning", '"machine learning" -java', "pythn OR data", "scikit", "ai"];
    for (const text of texts) {
      const parsed = parseQuery(text);
      for (const configs of [ALL_STEMMING_CONFIGS, ["spanish"]]) {
        const expected = await prepareQuery(database.db, parsed, configs);
        await prepareQuery(database.db, parsed, configs, { cache });
        const { unverified: _, ...again } = await prepareQuery(database.db, parsed, configs, {
          cache,
        });
        expect({ text, ...again }).toEqual({ text, ...expected });
      }
    }
  });

  it("reuses a typo's correction only while the vocabulary is the same", async () => {
    const other = createPostgresSearch({ db: database.db });
    const retitleElsewhere = async (key: FixtureKey, title: string) => {
      await database.db
        .update(courses)
        .set({ title, updatedAt: sql`now()` })
        .where(eq(courses.id, ids[key]));
      await other.indexCourse(ids[key]);
    };
    await retitleElsewhere("deepLearning", "Xylophonist Basics");
    for (let i = 0; i < 2; i++) {
      expect((await run({ query: "xylofonixt" })).correctedQuery).toBe("xylophonist");
    }
    // A closer word joins the vocabulary in another process.
    await retitleElsewhere("webDesign", "Xylofonict Basics");
    const after = await run({ query: "xylofonixt" });
    expect(after.correctedQuery).toBe("xylofonict");
    const fresh = createPostgresSearch({ db: database.db });
    expect(after).toEqual(await fresh.search(catalogQuerySchema.parse({ query: "xylofonixt" })));
  });
});
