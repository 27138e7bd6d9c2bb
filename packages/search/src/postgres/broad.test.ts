import { courses, type Database } from "@lumen/db";
import {
  createCourses,
  createTestDatabase,
  createUser,
  type TestDatabase,
} from "@lumen/db/testing";
import { CATEGORIES, type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SearchBackend } from "../types";
import { createPostgresSearch } from "./backend";
import { DEFAULT_BROAD } from "./broad";
import { addBroadQuery } from "./indexer";

/**
 * Broad queries answer from precomputed counts and kept results; these tests hold them (and
 * the one-statement live path PGlite takes) to exactly what the live path (`broad: false`,
 * the behaviour before them) returns, item for item and count for count, before and after
 * courses change.
 */
let database: TestDatabase;
let live: SearchBackend;
let fast: SearchBackend;
/** Kept queries read in one statement (as on PGlite). */
let fastOneStatement: SearchBackend;
/** Live too, page and counts in one statement (as on PGlite). */
let oneStatement: SearchBackend;
let ids: string[];

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ["data", "design", "python", "project", "health", "cloud", "history", "music"];
const LEVELS = ["beginner", "intermediate", "advanced"] as const;
const LANGUAGES = ["en", "es", "fr", "de"] as const;

/**
 * 240 courses over a small vocabulary: "learn", "course" and the topics are broad, texts
 * repeat (equal ranks, so ties fall to enrollments, then ids) and enrollments collide.
 */
async function insertCatalog(db: Database): Promise<string[]> {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const instructor = await createUser(db, "instructor", { name: "Ada Instructor" });
  const rows = Array.from({ length: 240 }, (_, i) => {
    const topic = pick(TOPICS);
    const other = pick(TOPICS);
    const at = new Date(Date.UTC(2025, 0, 1 + (i % 90)));
    return {
      slug: `course-${i}`,
      publishedAt: i % 17 === 0 ? null : at,
      createdAt: at,
      updatedAt: at,
      title: next() < 0.3 ? `Learn ${topic}` : `${topic} ${pick(["basics", "in practice"])}`,
      subtitle: next() < 0.5 ? `A course on ${other}` : `${topic} and ${other}`,
      description: `${next() < 0.6 ? "You will learn" : "We cover"} ${topic} through a project.`,
      category: pick(CATEGORIES.slice(0, 4)),
      level: pick(LEVELS),
      language: pick(LANGUAGES),
      tags: [topic],
      ratingAverage: Math.min(
        5,
        Math.round((3 + next() * 2) * 10) / 10 + (next() < 0.2 ? 0.05 : 0),
      ),
      enrollmentCount: Math.floor(next() * 6) * 100,
    };
  });
  const inserted = await createCourses(db, instructor, rows);
  return inserted.map((r) => r.id);
}

const QUERIES: CatalogQueryInput[] = [
  ...["learn", "course", "data", "design", "project", "cours", "lear"].flatMap(
    (query): CatalogQueryInput[] => [
      { query },
      { query, page: 2, pageSize: 10 },
      { query, page: 4, pageSize: 10 },
      { query, category: CATEGORIES[1] },
      { query, level: "beginner", language: "en" },
      { query, minRating: 4 },
      { query, minRating: 4.25 },
      { query, sort: "rating" },
      { query, sort: "enrollments", page: 2, pageSize: 5 },
      { query, sort: "newest", category: CATEGORIES[0] },
    ],
  ),
  { query: "learn data" },
  { query: "learn music" },
  { query: "music learn -cloud", sort: "rating" },
  { query: "history OR music learn", page: 2, pageSize: 5 },
  { query: "learn", language: "es" },
];

async function expectSameAsLive() {
  for (const input of QUERIES) {
    const query = catalogQuerySchema.parse(input);
    const [expected, actual, combined, keptCombined] = await Promise.all([
      live.search(query),
      fast.search(query),
      oneStatement.search(query),
      fastOneStatement.search(query),
    ]);
    expect({ input, ...actual }).toEqual({ input, ...expected });
    expect({ input, ...combined }).toEqual({ input, ...expected });
    expect({ input, ...keptCombined }).toEqual({ input, ...expected });
  }
}

async function broadQueryCount() {
  const result = await database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from search_broad_queries`,
  );
  return result.rows[0]?.n ?? 0;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await insertCatalog(database.db);
  live = createPostgresSearch({
    db: database.db,
    broad: false,
    oneThread: false,
    cacheTtlMs: 0,
  });
  oneStatement = createPostgresSearch({
    db: database.db,
    broad: false,
    oneThread: true,
    cacheTtlMs: 0,
  });
  const broad = { minMatches: 40, listLength: 25, minSearchedMatches: 5, splitFrom: 60 };
  fast = createPostgresSearch({ db: database.db, broad, oneThread: false, cacheTtlMs: 0 });
  fastOneStatement = createPostgresSearch({
    db: database.db,
    broad,
    oneThread: true,
    cacheTtlMs: 0,
  });
  await fast.reindexAll();
});
afterAll(() => database.close());

describe("broad queries", () => {
  it("are built for the catalog's frequent words, and none for rare ones", async () => {
    const built = await database.db.execute<{ tsquery: string; matches: number }>(
      sql`select tsquery, matches from search_broad_queries order by matches desc`,
    );
    expect(built.rows.length).toBeGreaterThan(5);
    expect(built.rows.map((r) => r.tsquery)).toContain("(('learn':*))");
    expect(built.rows.every((r) => r.matches >= 40)).toBe(true);
  });

  it("return exactly what the live search returns: items in order, totals and facets", async () => {
    await expectSameAsLive();
  });

  it("stay exact as courses are retitled, re-rated, unpublished and published", async () => {
    const changed = ids.slice(0, 60);
    const next = random(11);
    for (const [i, id] of changed.entries()) {
      const change =
        i % 4 === 0
          ? { title: "Learn learn learning course design", ratingAverage: 4.9 }
          : i % 4 === 1
            ? { title: "Pottery", subtitle: "Clay", description: "Hands on.", tags: [] }
            : i % 4 === 2
              ? { status: "draft" as const }
              : { enrollmentCount: Math.floor(next() * 6) * 100, ratingAverage: 3.3 };
      await database.db
        .update(courses)
        .set({ ...change, updatedAt: sql`now()` })
        .where(eq(courses.id, id));
      await fast.indexCourse(id);
    }
    // Republish half of the drafts.
    const drafts = changed.filter((_, i) => i % 8 === 2);
    await database.db
      .update(courses)
      .set({ status: "published", updatedAt: sql`now()` })
      .where(inArray(courses.id, drafts));
    for (const id of drafts) await live.indexCourse(id);
    await expectSameAsLive();
  });

  it("include a query a live search found broad, from the searches after it", async () => {
    const learn = sql`select count(*)::int as n from search_broad_queries
      where tsquery = '((''learn'':*))'`;
    const kept = async () => (await database.db.execute<{ n: number }>(learn)).rows[0]?.n;
    await database.db.execute(
      sql`delete from search_broad_queries where tsquery = '((''learn'':*))'`,
    );
    const query = catalogQuerySchema.parse({ query: "learn", level: "advanced" });
    const expected = await live.search(query);
    await vi.waitFor(
      async () => {
        expect(await fast.search(query)).toEqual(expected);
        expect(await kept()).toBe(1);
      },
      { timeout: 10_000, interval: 50 },
    );
    await expectSameAsLive();
  });

  it("keep a multi-word query once searched, within the searched budget", async () => {
    const tsqueryOf = sql`select tsquery from search_broad_queries`;
    const keptQueries = async () =>
      new Set(
        (await database.db.execute<{ tsquery: string }>(tsqueryOf)).rows.map((r) => r.tsquery),
      );
    const before = await keptQueries();
    const query = catalogQuerySchema.parse({ query: "history music" });
    const expected = await live.search(query);
    expect(expected.total).toBeGreaterThanOrEqual(5);
    expect(expected.total).toBeLessThan(40);
    await vi.waitFor(
      async () => {
        expect(await fast.search(query)).toEqual(expected);
        expect((await keptQueries()).size).toBe(before.size + 1);
      },
      { timeout: 10_000, interval: 50 },
    );
    // With the budget (words + searched queries) spent, a query matching enough stays live.
    const spent = {
      ...DEFAULT_BROAD,
      minSearchedMatches: 5,
      maxQueries: 0,
      maxSearched: before.size + 1,
    };
    expect(await addBroadQuery(database.db, "(('cloud':*)) & (('design':*))", spent)).toBe(false);
    expect((await keptQueries()).size).toBe(before.size + 1);
    expect(
      await addBroadQuery(database.db, "(('cloud':*)) & (('design':*))", {
        ...spent,
        maxSearched: before.size + 2,
      }),
    ).toBe(true);
    expect((await keptQueries()).has("(('cloud':*)) & (('design':*))")).toBe(true);
    await expectSameAsLive();
  });

  it("are what a search reads: damaged precomputed counts show in its answer", async () => {
    const query = catalogQuerySchema.parse({ query: "learn" });
    const before = await fast.search(query);
    await database.db.execute(sql`update search_broad_cells set n = n + 1000
      where query_id = (select id from search_broad_queries where tsquery = '((''learn'':*))')`);
    expect((await fast.search(query)).total).toBeGreaterThan(before.total + 999);
    expect((await fastOneStatement.search(query)).total).toBeGreaterThan(before.total + 999);
    expect((await live.search(query)).total).toBe(before.total);
    // So are the kept results: without the first, both kept paths skip it.
    const [top, second] = before.items;
    await database.db.execute(sql`delete from search_broad_hits where course_id = ${top?.id}
      and query_id = (select id from search_broad_queries where tsquery = '((''learn'':*))')`);
    for (const backend of [fast, fastOneStatement]) {
      expect((await backend.search(query)).items[0]?.id).toBe(second?.id);
    }
    expect((await live.search(query)).items[0]?.id).toBe(top?.id);
    // A full reindex rebuilds them from the index.
    await fast.reindexAll();
    expect(await broadQueryCount()).toBeGreaterThan(5);
    expect((await fast.search(query)).total).toBe(before.total);
  });
});
