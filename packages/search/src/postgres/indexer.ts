import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { INDEX_WRITE_LOCK } from "../index-lock";
import { parseQuery } from "../query/parse";
import type { ReindexResult } from "../types";
import {
  addToBroadQueries,
  type BroadOptions,
  buildBroadQuery,
  rebuildBroadQueries,
  removeFromBroadQueries,
} from "./broad";
import { documentSql, normalizedFieldsSql, termsSql } from "./document";
import { ALL_STEMMING_CONFIGS } from "./languages";
import { filterRatingSql } from "./rank";
import { prepareQuery } from "./text-query";

const REINDEX_BATCH = 2_000;

/** Upserts the documents of the published courses `where` selects (on `courses c`). */
function upsertDocuments(where: SQL, minCount: number): SQL {
  return sql`
    insert into course_search (course_id, document, category, level, language, rating_average,
      rating_score, enrollment_count, published_at, source_updated_at, indexed_at)
    select c.id, ${documentSql()}, c.category, c.level, c.language,
      ${filterRatingSql(minCount, "c")}, c.rating_score,
      c.enrollment_count, c.published_at, c.updated_at, now()
    from courses c, ${normalizedFieldsSql()}
    where c.status = 'published' and ${where}
    on conflict (course_id) do update set
      document = excluded.document, category = excluded.category, level = excluded.level,
      language = excluded.language, rating_average = excluded.rating_average,
      rating_score = excluded.rating_score,
      enrollment_count = excluded.enrollment_count, published_at = excluded.published_at,
      source_updated_at = excluded.source_updated_at, indexed_at = excluded.indexed_at
    -- Never replace a row built from a newer version of the course.
    where course_search.source_updated_at <= excluded.source_updated_at`;
}

/** Says the vocabulary changed: corrections computed before are not reused (text-query.ts). */
const bumpVocabulary = sql`update search_vocabulary set version = version + 1`;

function insertTerms(where: SQL): SQL {
  return sql`
    insert into search_terms (term)
    select distinct t.lexeme from courses c, ${normalizedFieldsSql()}, ${termsSql()} t
    where c.status = 'published' and ${where}
    on conflict do nothing`;
}

/**
 * Runs `work` in a transaction holding INDEX_WRITE_LOCK: exclusively to change the index,
 * shared to build broad queries (which only read it, so several may build at once).
 */
function underIndexLock<T>(
  db: Database,
  work: (tx: Executor) => Promise<T>,
  mode: "exclusive" | "shared" = "exclusive",
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      mode === "shared"
        ? sql`select pg_advisory_xact_lock_shared(${INDEX_WRITE_LOCK})`
        : sql`select pg_advisory_xact_lock(${INDEX_WRITE_LOCK})`,
    );
    return work(tx);
  });
}

type Executor = Pick<Database, "execute">;

/**
 * Upsert when published, remove when unpublished or gone; safe to run any number of times.
 * Under INDEX_WRITE_LOCK, which also keeps the vocabulary's bookkeeping free of races.
 */
export async function indexCourse(
  db: Database,
  courseId: string,
  minRatingCount: number,
): Promise<void> {
  await underIndexLock(db, async (tx) => {
    // Words the current entry contributes to the vocabulary: candidates for removal below.
    const previous = await tx.execute<{ lexeme: string }>(sql`
      select u.lexeme from course_search cs, unnest(cs.document) u
      where cs.course_id = ${courseId} and u.weights && array['A', 'B']`);
    await removeFromBroadQueries(tx, courseId);
    await tx.execute(upsertDocuments(sql`c.id = ${courseId}`, minRatingCount));
    await tx.execute(sql`
      delete from course_search cs where cs.course_id = ${courseId}
        and not exists (select 1 from courses c where c.id = cs.course_id
          and (c.status = 'published' or c.updated_at < cs.source_updated_at))`);
    await addToBroadQueries(tx, courseId);
    const added = await tx.execute(sql`${insertTerms(sql`c.id = ${courseId}`)} returning term`);
    const candidates = previous.rows.map((r) => r.lexeme);
    let removed = 0;
    if (candidates.length > 0) {
      // A word stays while any indexed title, subtitle or tag list (weights A, B) has it.
      const deleted = await tx.execute(sql`
        delete from search_terms t where t.term = any(${sql.param(candidates)}::text[])
          and not exists (select 1 from course_search cs
            where cs.document @@ (quote_literal(t.term) || ':AB')::tsquery)
        returning term`);
      removed = deleted.rows.length;
    }
    if (added.rows.length + removed > 0) await tx.execute(bumpVocabulary);
  });
}

/**
 * Rebuilds the whole index from `courses` in id-ordered batches, then drops entries of
 * courses that are no longer published and recomputes the vocabulary, so the result is the
 * same as indexing every course incrementally. The broad queries are dropped first (their
 * searches run live meanwhile) and rebuilt from the new index last.
 */
export async function reindexAll(
  db: Database,
  broad: BroadOptions,
  minRatingCount: number,
  onProgress?: (done: number, total: number) => void,
): Promise<ReindexResult> {
  const started = performance.now();
  await underIndexLock(db, (tx) => tx.execute(sql`delete from search_broad_queries`));
  const counted = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from courses where status = 'published'`,
  );
  const total = counted.rows[0]?.n ?? 0;
  let after: string | null = null;
  let indexed = 0;
  for (;;) {
    const batch: string[] = await underIndexLock(db, async (tx) => {
      const ids = await tx.execute<{ id: string }>(sql`
        select id from courses where status = 'published'
          ${after ? sql`and id > ${after}` : sql``}
        order by id limit ${REINDEX_BATCH}`);
      const list = ids.rows.map((r) => r.id);
      if (list.length > 0) {
        await tx.execute(
          upsertDocuments(sql`c.id = any(${sql.param(list)}::uuid[])`, minRatingCount),
        );
      }
      return list;
    });
    if (batch.length === 0) break;
    indexed += batch.length;
    after = batch[batch.length - 1] ?? null;
    onProgress?.(indexed, Math.max(total, indexed));
  }
  await underIndexLock(db, async (tx) => {
    await tx.execute(sql`
      delete from course_search cs where not exists (select 1 from courses c
        where c.id = cs.course_id and (c.status = 'published' or c.updated_at < cs.source_updated_at))`);
    await tx.execute(sql`delete from search_terms`);
    await tx.execute(insertTerms(sql`c.id in (select course_id from course_search)`));
    await tx.execute(bumpVocabulary);
  });
  // Fold GIN's pending list into the index now rather than on the first searches.
  await db.execute(sql`select gin_clean_pending_list('course_search_document_idx')`);
  await db.execute(sql`analyze course_search, search_terms`);
  await rebuildBroadQueries(
    db,
    broad,
    (word) => broadTsquery(db, word),
    (build) => underIndexLock(db, build, "shared"),
  );
  await db.execute(sql`analyze search_broad_queries, search_broad_hits, search_broad_cells`);
  return { indexed, ms: performance.now() - started };
}

/** The tsquery a search for `word` alone runs (no language filter), or null for no word. */
async function broadTsquery(db: Database, word: string): Promise<string | null> {
  const parsed = parseQuery(word);
  const [clause] = parsed.required;
  if (parsed.required.length !== 1 || clause?.length !== 1 || clause[0]?.kind !== "word") {
    return null;
  }
  const prepared = await prepareQuery(db, parsed, ALL_STEMMING_CONFIGS);
  return prepared.correctedQuery ? null : prepared.tsquery;
}

/**
 * Keeps the searched query `tsquery` (a search found it matching `minSearchedMatches` or
 * more and it is not kept yet), unless the budget (`maxQueries` words + `maxSearched`) is
 * spent; whether it was kept. Safe to race: a second build of the same query fails on
 * its unique key and changes nothing.
 */
export async function addBroadQuery(
  db: Database,
  tsquery: string,
  broad: BroadOptions,
): Promise<boolean> {
  return underIndexLock(
    db,
    async (tx) => {
      const kept = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from search_broad_queries`,
      );
      if ((kept.rows[0]?.n ?? 0) >= broad.maxQueries + broad.maxSearched) return false;
      const matches = await buildBroadQuery(tx, tsquery, {
        ...broad,
        minMatches: broad.minSearchedMatches,
      });
      return matches >= broad.minSearchedMatches;
    },
    "shared",
  );
}
