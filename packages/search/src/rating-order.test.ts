import { randomBytes } from "node:crypto";
import type { Database } from "@lumen/db";
import { createCourse, createTestDatabase, createUser, type TestDatabase } from "@lumen/db/testing";
import { type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresSearch } from "./postgres/backend";
import type { SearchBackend } from "./types";
import { createTypesenseSearch } from "./typesense/backend";

/**
 * The damped "rating" sort and the minimum count of the rating filter (ADR 0032), on a
 * fixture where the plain average and the damped one disagree. Damped score with the prior
 * 3.5 × 10: (35 + average × count) / (10 + count).
 */
const FIXTURE = {
  oneFiveStar: { ratingAverage: 5, ratingCount: 1 }, // 3.636
  manyGood: { ratingAverage: 4.7, ratingCount: 3000 }, // 4.696
  someGreat: { ratingAverage: 4.9, ratingCount: 40 }, // 4.62
  fewPerfect: { ratingAverage: 5, ratingCount: 2 }, // 3.75
  manyPoor: { ratingAverage: 2.5, ratingCount: 500 }, // 2.52
  unrated: { ratingAverage: 0, ratingCount: 0 }, // 3.5
} as const;
type Key = keyof typeof FIXTURE;
const DAMPED_ORDER: Key[] = [
  "manyGood",
  "someGreat",
  "fewPerfect",
  "oneFiveStar",
  "unrated",
  "manyPoor",
];

const typesenseUrl = process.env.TYPESENSE_URL;
const backends: Array<{ name: string; create: (db: Database) => SearchBackend }> = [
  { name: "postgres", create: (db) => createPostgresSearch({ db, minRatingCount: 3 }) },
];
if (typesenseUrl) {
  const collection = `rating_order_${randomBytes(4).toString("hex")}`;
  backends.push({
    name: "typesense",
    create: (db) =>
      createTypesenseSearch({
        db,
        url: typesenseUrl,
        apiKey: process.env.TYPESENSE_API_KEY ?? "",
        collection,
        minRatingCount: 3,
      }),
  });
}

describe.each(backends)("rating order and filter: $name", ({ create }) => {
  let database: TestDatabase;
  let search: SearchBackend;
  const ids = new Map<string, Key>();
  const keys = async (input: CatalogQueryInput) =>
    (await search.search(catalogQuerySchema.parse(input))).items.map((i) => ids.get(i.id));

  beforeAll(async () => {
    database = await createTestDatabase();
    search = create(database.db);
    const instructor = await createUser(database.db, "instructor");
    for (const [key, rating] of Object.entries(FIXTURE) as [Key, (typeof FIXTURE)[Key]][]) {
      const course = await createCourse(database.db, instructor, {
        title: `Gardening ${key}`,
        ...rating,
      });
      ids.set(course.id, key);
      await search.indexCourse(course.id);
    }
  });
  afterAll(() => database.close());

  it("sorts by the damped average: many good ratings outrank one five-star rating", async () => {
    expect(await keys({ sort: "rating" })).toEqual(DAMPED_ORDER);
    expect(await keys({ query: "gardening", sort: "rating" })).toEqual(DAMPED_ORDER);
  });

  it("still shows the plain average and count on the card", async () => {
    const result = await search.search(catalogQuerySchema.parse({ sort: "rating" }));
    const card = result.items.find((i) => ids.get(i.id) === "oneFiveStar");
    expect(card).toMatchObject({ ratingAverage: 5, ratingCount: 1 });
  });

  it("counts a course in the rating filter only from the minimum number of ratings", async () => {
    const filtered = await keys({ minRating: 4.5 });
    expect(new Set(filtered)).toEqual(new Set(["manyGood", "someGreat"]));
    const text = await search.search(
      catalogQuerySchema.parse({ query: "gardening", minRating: 4.5 }),
    );
    expect(text.total).toBe(2);
    const listing = await search.search(catalogQuerySchema.parse({ minRating: 4.55 }));
    expect(listing.total).toBe(2);
  });
});
