import { forumThreads } from "@lumen/db";
import { formatQuery, parsedTsquerySql, parseQuery } from "@lumen/search";
import { desc, sql } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import { openCourseForum } from "./access";
import type { SearchThreadsInput } from "./inputs";
import type { SearchPage } from "./types";
import { parseOffsetCursor, toThreadSummary, visibleThreads } from "./views";

/** Deep pages of a ranked list are not worth their cost; refine the query instead. */
const MAX_OFFSET = 1_000;

/**
 * Full-text search over a course forum's threads (title and body), with the catalog's query
 * parser: words match as prefixes, "phrases", -exclusions and OR. Ranked by ts_rank (title
 * words weigh more), newest first among equals; works the same on Postgres and PGlite.
 */
export async function searchThreads({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: SearchThreadsInput;
}): Promise<SearchPage> {
  const course = await openCourseForum(db, user, input.courseId);
  const parsed = parseQuery(input.query);
  const tsquery = parsedTsquerySql(parsed, []);
  const offset = parseOffsetCursor(input.cursor);
  if (!tsquery || offset > MAX_OFFSET) {
    return { items: [], nextCursor: null, query: formatQuery(parsed) };
  }
  const q = sql`(select ${tsquery})`;
  const rows = await visibleThreads(
    db,
    user,
    course,
    sql`${forumThreads.search} @@ ${q}`,
    sql`${forumThreads.deletedAt} is null`,
  )
    .orderBy(
      desc(sql`ts_rank(${forumThreads.search}, ${q})`),
      desc(forumThreads.createdAt),
      desc(forumThreads.id),
    )
    .limit(input.limit + 1)
    .offset(offset);
  const items = rows.slice(0, input.limit).map((row) => toThreadSummary(row, user, course));
  return {
    items,
    nextCursor: rows.length > input.limit ? `o:${offset + input.limit}` : null,
    query: formatQuery(parsed),
  };
}
