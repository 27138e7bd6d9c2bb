import { type Database, users } from "@lumen/db";
import { CATEGORIES, type Category } from "@lumen/shared";
import { sql } from "drizzle-orm";
import {
  DESCRIPTION_SENTENCES,
  LOCAL_TITLE_PATTERNS,
  SUBTITLE_PATTERNS,
  TITLE_PATTERNS,
  TOPICS_BY_CATEGORY,
  VOCABULARY,
} from "./course-words";

const LEVELS = ["beginner", "intermediate", "advanced"] as const;
/** Roughly how course languages are spread on a large catalog: mostly English. */
const LANGUAGE_WEIGHTS: Array<[string, number]> = [
  ["en", 60],
  ["es", 10],
  ["fr", 7],
  ["de", 6],
  ["pt", 6],
  ["it", 4],
  ["ja", 4],
  ["zh", 3],
];
const BATCH = 5_000;

/** mulberry32: deterministic, so every run benchmarks the same catalog. */
function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  /** Skewed towards the start of the list: a few items are common, most are rare. */
  const pickSkewed = <T>(items: readonly T[]): T =>
    items[Math.floor(next() ** 2.2 * items.length)] as T;
  return { next, pick, pickSkewed };
}

const languages = LANGUAGE_WEIGHTS.flatMap(([code, weight]) => Array<string>(weight).fill(code));

function planCourse(random: ReturnType<typeof createRandom>, i: number) {
  const category = random.pick(CATEGORIES) as Category;
  const topic = random.pickSkewed(TOPICS_BY_CATEGORY.get(category) ?? [category]);
  const language = random.pick(languages);
  const level = random.pick(LEVELS);
  const local = LOCAL_TITLE_PATTERNS[language];
  const pattern = local && random.next() < 0.7 ? random.pick(local) : random.pick(TITLE_PATTERNS);
  const fill = (template: string) =>
    template
      .replaceAll("{t}", topic)
      .replaceAll("{l}", level)
      .replace(/\{v\}/g, () => random.pick(VOCABULARY));
  const sentences = Array.from({ length: 3 + Math.floor(random.next() * 3) }, () =>
    fill(random.pick(DESCRIPTION_SENTENCES)),
  );
  const ratingCount = Math.floor(random.next() ** 3 * 20_000);
  const published = random.next() < 0.97;
  const at = new Date(Date.UTC(2018, 0, 1) + Math.floor(random.next() * 8 * 365 * 86_400_000));
  return [
    `bench-${i}`,
    fill(pattern),
    fill(random.pick(SUBTITLE_PATTERNS)),
    sentences.join(" "),
    category,
    level,
    language,
    `{${[topic, random.pick(VOCABULARY), random.pick(VOCABULARY)].map((t) => `"${t}"`).join(",")}}`,
    ratingCount === 0 ? 0 : Math.round((2.5 + random.next() * 2.5) * 100) / 100,
    ratingCount,
    Math.floor(random.next() ** 4 * 250_000),
    published ? "published" : "draft",
    published ? at.toISOString() : null,
    at.toISOString(),
  ] as const;
}

/**
 * Inserts `count` synthetic courses with one multi-row `insert … select from unnest(…)`
 * per batch (one array parameter per column), which is far faster than row-wise inserts.
 */
export async function generateCourses(db: Database, count: number, seed = 7): Promise<void> {
  const random = createRandom(seed);
  const instructorId = "bench-instructor";
  await db
    .insert(users)
    .values({
      id: instructorId,
      name: "Bench Instructor",
      email: "bench@lumen.dev",
      role: "instructor",
    })
    .onConflictDoNothing();
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) =>
      planCourse(random, start + k),
    );
    const column = <I extends number>(index: I) => rows.map((r) => r[index]);
    await db.execute(sql`
      insert into courses (slug, title, subtitle, description, category, level, language, tags,
        rating_average, rating_count, enrollment_count, status, published_at, created_at,
        updated_at, instructor_id)
      select s, t, st, d, c, l::course_level, lang, tg::text[], r, rc, ec, stat::course_status,
        pa::timestamptz, ca::timestamptz, ca::timestamptz, ${instructorId}
      from unnest(${sql.param(column(0))}::text[], ${sql.param(column(1))}::text[], ${sql.param(column(2))}::text[],
        ${sql.param(column(3))}::text[], ${sql.param(column(4))}::text[], ${sql.param(column(5))}::text[], ${sql.param(column(6))}::text[],
        ${sql.param(column(7))}::text[], ${sql.param(column(8))}::real[], ${sql.param(column(9))}::int[], ${sql.param(column(10))}::int[],
        ${sql.param(column(11))}::text[], ${sql.param(column(12))}::text[], ${sql.param(column(13))}::text[])
        as u(s, t, st, d, c, l, lang, tg, r, rc, ec, stat, pa, ca)`);
  }
  await db.execute(sql`analyze courses`);
}
