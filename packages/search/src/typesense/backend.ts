import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { sql } from "drizzle-orm";
import { Client, Errors } from "typesense";
import { INDEX_WRITE_LOCK } from "../index-lock";
import { parseQuery } from "../query/parse";
import type { SearchBackend } from "../types";
import { type CourseDocument, toCourseDocument } from "./document";
import { courseCollectionSchema, RATING_FIELDS } from "./schema";
import { loadCourses } from "./source";
import { toSearchRequests } from "./translate-query";
import { toSearchResult } from "./translate-response";

export interface TypesenseSearchOptions {
  db: Database;
  url: string;
  apiKey: string;
  collection?: string;
  /** Ratings a course needs before the minimum-rating filter counts it; default 0 (ADR 0032). */
  minRatingCount?: number;
}

const IMPORT_BATCH = 1_000;

/**
 * Typesense: the production engine. Postgres stays the source of truth: indexing reads
 * the course there and writes the document here; reindexAll rebuilds the collection.
 */
export function createTypesenseSearch({
  db,
  url,
  apiKey,
  collection = "courses",
  minRatingCount = 0,
}: TypesenseSearchOptions): SearchBackend {
  const client = new Client({ nodes: [{ url }], apiKey, connectionTimeoutSeconds: 5 });
  const documents = () => client.collections<CourseDocument>(collection).documents();

  let collectionReady = false;
  async function ensureCollection() {
    if (collectionReady) return;
    if (!(await client.collections(collection).exists())) {
      await client.collections().create(courseCollectionSchema(collection));
    } else {
      const have = new Set(
        (await client.collections(collection).retrieve()).fields?.map((f) => f.name),
      );
      const missing = RATING_FIELDS.filter((f) => !have.has(f.name));
      if (missing.length > 0) await client.collections(collection).update({ fields: [...missing] });
    }
    collectionReady = true;
  }

  async function search(query: CatalogQuery) {
    const parsed = parseQuery(query.query ?? "");
    const searches = toSearchRequests(query, parsed, collection);
    const { results } = await client.multiSearch.perform<CourseDocument[]>({ searches });
    return toSearchResult(query, parsed, results);
  }

  async function indexCourse(courseId: string) {
    await ensureCollection();
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${INDEX_WRITE_LOCK})`);
      const [course] = await loadCourses(tx, sql`c.id = ${courseId}`);
      const existing = await client
        .collections<CourseDocument>(collection)
        .documents(courseId)
        .retrieve()
        .catch((error: unknown) => {
          if (error instanceof Errors.ObjectNotFound) return null;
          throw error;
        });
      // Never replace (or remove) an entry built from a newer version of the course.
      if (existing && course && existing.source_updated_at > course.updatedAtMicros) return;
      if (course?.status === "published") {
        await documents().upsert(toCourseDocument(course, Date.now(), minRatingCount));
      } else if (existing) {
        await client.collections(collection).documents(courseId).delete();
      }
    });
  }

  async function reindexAll(onProgress?: (done: number, total: number) => void) {
    const started = performance.now();
    const startedAt = Date.now();
    await ensureCollection();
    const counted = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from courses where status = 'published'`,
    );
    const total = counted.rows[0]?.n ?? 0;
    let after: string | null = null;
    let indexed = 0;
    for (;;) {
      const batch = await loadCourses(
        db,
        sql`c.status = 'published' ${after ? sql`and c.id > ${after}` : sql``}`,
        IMPORT_BATCH,
      );
      if (batch.length === 0) break;
      const docs = batch.map((course) => toCourseDocument(course, Date.now(), minRatingCount));
      const results = await documents().import(docs, { action: "upsert" });
      const failed = results.filter((r) => !r.success);
      if (failed.length > 0) {
        throw new Error(`Typesense rejected ${failed.length} documents: ${failed[0]?.error}`);
      }
      indexed += batch.length;
      after = batch[batch.length - 1]?.id ?? null;
      onProgress?.(indexed, Math.max(total, indexed));
    }
    // Whatever this run did not write belongs to a course that is no longer published.
    await documents().delete({ filter_by: `indexed_at:<${startedAt}` });
    return { indexed, ms: performance.now() - started };
  }

  return { name: "typesense", search, indexCourse, reindexAll };
}
