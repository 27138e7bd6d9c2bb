import { randomBytes } from "node:crypto";
import { courses, type Database } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearch } from "./postgres/backend";
import { type FixtureKey, insertFixtureCatalog } from "./testing";
import type { SearchBackend } from "./types";
import { createTypesenseSearch } from "./typesense/backend";

/**
 * One behavioural contract for every search backend. Postgres always runs (PGlite, or a real
 * Postgres with TEST_DATABASE_URL); Typesense runs when TYPESENSE_URL is set.
 */
const typesenseUrl = process.env.TYPESENSE_URL;
const typesenseKey = process.env.TYPESENSE_API_KEY ?? "";

const backends: Array<{ name: string; create: (db: Database) => SearchBackend }> = [
  { name: "postgres", create: (db) => createPostgresSearch({ db }) },
];
if (typesenseUrl) {
  const collection = `conformance_${randomBytes(4).toString("hex")}`;
  backends.push({
    name: "typesense",
    create: (db) =>
      createTypesenseSearch({ db, url: typesenseUrl, apiKey: typesenseKey, collection }),
  });
} else {
  console.info(
    "search conformance: Typesense skipped — set TYPESENSE_URL (and TYPESENSE_API_KEY) to run " +
      "the same suite against a Typesense server; none is configured here.",
  );
  // Shows up as skipped in the summary, so a missing server is never mistaken for a pass.
  describe.skip("search conformance: typesense (TYPESENSE_URL not set)", () => {
    it("runs the conformance suite against a Typesense server", () => {});
  });
}

describe.each(backends)("search conformance: $name", ({ create }) => {
  let database: TestDatabase;
  let search: SearchBackend;
  let ids: Record<FixtureKey, string>;
  const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];
  const run = (input: CatalogQueryInput) => search.search(catalogQuerySchema.parse(input));
  const keys = async (input: CatalogQueryInput) => (await run(input)).items.map((i) => keyOf(i.id));

  beforeAll(async () => {
    database = await createTestDatabase();
    search = create(database.db);
    ids = await insertFixtureCatalog(database.db);
    for (const id of Object.values(ids)) await search.indexCourse(id);
  });
  afterAll(() => database.close());

  it("finds courses by a word in the title, with rating and enrollments on each card", async () => {
    const result = await run({ query: "statistics" });
    expect(result.items.map((i) => keyOf(i.id))).toContain("statistics");
    expect(result.items[0]).toMatchObject({ ratingAverage: 3.9, enrollmentCount: 50 });
  });

  it("matches every word as a prefix: 'machin learn' finds Machine Learning", async () => {
    expect(new Set(await keys({ query: "machin learn" }))).toEqual(
      new Set(["machineLearning", "practicalMl"]),
    );
  });

  it("corrects a typo: 'pyhton' finds the Python courses and says what it searched", async () => {
    const result = await run({ query: "pyhton" });
    expect(result.correctedQuery).toBe("python");
    expect(result.items.map((i) => keyOf(i.id))).toEqual(
      expect.arrayContaining(["pythonBasics", "pythonPatterns", "pythonSpanish"]),
    );
  });

  it("does not report a correction when every word matched as typed", async () => {
    expect((await run({ query: "python" })).correctedQuery).toBeUndefined();
  });

  it("matches a quoted phrase only with its words adjacent and in order", async () => {
    expect(new Set(await keys({ query: '"machine learning"' }))).toEqual(
      new Set(["machineLearning", "practicalMl"]),
    );
    expect(await keys({ query: '"learning machine"' })).toEqual([]);
  });

  it("excludes courses matching a -word", async () => {
    const found = await keys({ query: "python -machine" });
    expect(found).toEqual(expect.arrayContaining(["pythonBasics", "pythonPatterns"]));
    expect(found).not.toContain("practicalMl");
  });

  it("filters by category, level and language together", async () => {
    expect(await keys({ query: "python", level: "beginner", language: "es" })).toEqual([
      "pythonSpanish",
    ]);
    expect(new Set(await keys({ category: "Data Science" }))).toEqual(
      new Set(["machineLearning", "practicalMl", "deepLearning"]),
    );
  });

  it("filters by minimum rating", async () => {
    const result = await run({ minRating: 4.6 });
    expect(new Set(result.items.map((i) => keyOf(i.id)))).toEqual(
      new Set(["pythonBasics", "machineLearning", "deepLearning", "artHistory"]),
    );
    expect(result.total).toBe(4);
  });

  it("counts each facet with the other filters applied, and the total with all of them", async () => {
    const result = await run({ query: "python", category: "Computer Science" });
    // Java mentions Python in its description, so four Computer Science courses match.
    expect(result.total).toBe(4);
    expect(result.facets.category).toEqual([
      { value: "Computer Science", count: 4 },
      { value: "Data Science", count: 1 },
    ]);
    expect(result.facets.level).toEqual([
      { value: "beginner", count: 2 },
      { value: "advanced", count: 1 },
      { value: "intermediate", count: 1 },
    ]);
    expect(result.facets.language).toEqual([
      { value: "en", count: 3 },
      { value: "es", count: 1 },
    ]);
  });

  it("keeps a selected filter value in its facet even when nothing matches it", async () => {
    const result = await run({ query: "python", language: "fr" });
    expect(result.total).toBe(0);
    expect(result.facets.language).toContainEqual({ value: "fr", count: 0 });
  });

  it("ranks title matches above description-only matches", async () => {
    const found = await keys({ query: "python" });
    expect(found.indexOf("java")).toBeGreaterThan(found.indexOf("pythonBasics"));
    expect(found.at(-1)).toBe("java");
  });

  it("sorts by rating, enrollments and newest", async () => {
    const byRating = await keys({ query: "python", sort: "rating" });
    expect(byRating).toEqual([
      "pythonBasics",
      "pythonSpanish",
      "pythonPatterns",
      "practicalMl",
      "java",
    ]);
    const byEnrollments = await keys({ query: "python", sort: "enrollments" });
    expect(byEnrollments).toEqual([
      "practicalMl",
      "pythonBasics",
      "pythonPatterns",
      "java",
      "pythonSpanish",
    ]);
    const newest = await keys({ query: "python", sort: "newest" });
    expect(newest).toEqual([
      "java",
      "practicalMl",
      "pythonSpanish",
      "pythonPatterns",
      "pythonBasics",
    ]);
  });

  it("pages through results without gaps or repeats", async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => run({ sort: "rating", pageSize: 3, page })),
    );
    expect(pages[0]?.pageCount).toBe(4);
    expect(pages[0]?.total).toBe(10);
    const seen = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(10);
    expect(pages[3]?.items).toHaveLength(1);
  });

  it("highlights matches as escaped HTML with only <mark> tags added", async () => {
    const [hit] = (await run({ query: "html" })).items;
    expect(keyOf(hit?.id ?? "")).toBe("webDesign");
    expect(hit?.highlights.title).toBe(
      "Web Design: &lt;<mark>HTML</mark>&gt; &amp; &quot;CSS&quot;",
    );
    const [ml] = (await run({ query: "regression" })).items;
    expect(ml?.highlights.description).toContain("<mark>Regression</mark>");
    expect(ml?.highlights.title).toBeUndefined();
  });

  it("lists every published course by the chosen sort when there is no query", async () => {
    const result = await run({});
    expect(result.total).toBe(10);
    expect(result.items.map((i) => keyOf(i.id))[0]).toBe("webDesign");
    expect(result.facets.category).toContainEqual({ value: "Computer Science", count: 4 });
    expect(result.items.every((i) => Object.keys(i.highlights).length === 0)).toBe(true);
  });

  it("accepts a 200-character query and leaves longer ones to the schema's 400", async () => {
    expect(catalogQuerySchema.safeParse({ query: "x".repeat(201) }).success).toBe(false);
    const long = `python ${"a".repeat(193)}`;
    expect(long).toHaveLength(200);
    await expect(run({ query: long })).resolves.toMatchObject({ total: 0 });
  });

  it("searches quotes, operators and SQL-looking text safely", async () => {
    const hostile = [
      "'; DROP TABLE courses; --",
      '" OR 1=1 --',
      "python & | ! : * ( ) <-> \\ ' \"",
      '"unterminated phrase',
      "- OR -- OR",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the input
      "$1 %s {{x}} ${x}",
      "<script>alert(1)</script>",
    ];
    for (const query of hostile) {
      const result = await run({ query });
      expect(Array.isArray(result.items)).toBe(true);
    }
    // Text no column can store never reaches a backend: the shared query contract refuses it.
    expect(() => run({ query: "python \u0000" })).toThrow(/control character \(U\+0000\)/);
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(courses);
    expect(n).toBe(11);
  });

  it("never returns an unpublished course, and drops one once it is unpublished", async () => {
    expect(await keys({ query: "secrets" })).toEqual([]);
    await database.db
      .update(courses)
      .set({ status: "draft", updatedAt: sql`now()` })
      .where(eq(courses.id, ids.statistics));
    await search.indexCourse(ids.statistics);
    expect(await keys({ query: "statistics" })).not.toContain("statistics");
    await database.db
      .update(courses)
      .set({ status: "published", updatedAt: sql`now()` })
      .where(eq(courses.id, ids.statistics));
    await search.indexCourse(ids.statistics);
    expect(await keys({ query: "statistics" })).toContain("statistics");
  });

  it("indexing a course twice changes nothing", async () => {
    const before = await run({ query: "deep" });
    await search.indexCourse(ids.deepLearning);
    await search.indexCourse(ids.deepLearning);
    const after = await run({ query: "deep" });
    expect(after.total).toBe(before.total);
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
  });

  it("never lets an older version of a course overwrite a newer entry", async () => {
    const newer = new Date(Date.UTC(2026, 0, 2));
    await database.db
      .update(courses)
      .set({ title: "Deep Learning Reloaded", updatedAt: newer })
      .where(eq(courses.id, ids.deepLearning));
    await search.indexCourse(ids.deepLearning);
    // A stale writer puts back an older version (earlier updatedAt), then indexes it.
    await database.db
      .update(courses)
      .set({ title: "Deep Learning Obsolete", updatedAt: new Date(Date.UTC(2026, 0, 1)) })
      .where(eq(courses.id, ids.deepLearning));
    await search.indexCourse(ids.deepLearning);
    expect(await keys({ query: "reloaded" })).toEqual(["deepLearning"]);
    expect(await keys({ query: "obsolete" })).toEqual([]);
  });

  it("a full reindex gives the same results as incremental indexing", async () => {
    const queries: CatalogQueryInput[] = [
      { query: "python" },
      { query: "pyhton" },
      { query: "learning", sort: "rating" },
      { category: "Computer Science" },
      { query: "programming", level: "intermediate" },
    ];
    const before = await Promise.all(queries.map(run));
    const { indexed } = await search.reindexAll();
    expect(indexed).toBe(10);
    const after = await Promise.all(queries.map(run));
    expect(after).toEqual(before);
  });
});
