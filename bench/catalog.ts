/**
 * Catalog listing at scale: `pnpm bench catalog [courses=20000]`.
 * Seeds a fresh database, then times catalog.list (service function) for typical filter and
 * sort combinations and reports p50/p95/p99 in ms. Full-text search is measured by the
 * search benchmark that arrives with the search issue.
 */
import { seed } from "@lumen/db/seed";
import { catalogQuerySchema } from "@lumen/shared";
import { listCourses } from "@lumen/trpc/services/catalog/list-courses";
import { sql } from "drizzle-orm";
import { benchDatabase } from "./lib/database";
import { printTable, summarize, timeIt } from "./lib/stats";

const courses = Number(process.argv[2] ?? 20_000);
const iterations = 200;
const { client, engine, dispose } = await benchDatabase();
try {
  const seeded = performance.now();
  await seed(client.db, { courses });
  await client.db.execute(sql`analyze`);
  console.log(
    `${engine}: seeded ${courses} courses in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );

  const cases: Array<[string, Record<string, unknown>]> = [
    ["newest, page 1", {}],
    ["newest, page 50", { page: 50 }],
    ["rating", { sort: "rating" }],
    ["enrollments", { sort: "enrollments" }],
    ["category", { category: "Data Science" }],
    ["category + level", { category: "Mathematics", level: "advanced" }],
    [
      "category + level + language",
      { category: "Health", level: "beginner", language: "es", sort: "rating" },
    ],
    ["language only (rare)", { language: "ja" }],
  ];
  const rows = [];
  for (const [name, raw] of cases) {
    const input = catalogQuerySchema.parse(raw);
    const samples = await timeIt(() => listCourses({ db: client.db, input }), iterations);
    rows.push({ case: name, ...summarize(samples) });
  }
  printTable(`catalog.list service, ${courses} courses, ${iterations} runs each (ms)`, rows);
} finally {
  await dispose();
}
