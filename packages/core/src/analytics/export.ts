import { analyticsExports, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import type { CsvCell } from "./csv";
import { parseQuery, sheetOf } from "./export-sheets";
import { EXPORT_TABLES } from "./inputs";

/** Learners read per FETCH of the export's cursor: memory stays flat at any course size. */
export const EXPORT_PAGE_SIZE = 5_000;

/** A table ready to stream: its file name, header and rows (read as they are consumed). */
export interface AnalyticsExport {
  filename: string;
  columns: string[];
  rows: AsyncGenerator<CsvCell[]>;
}

const exportTable = z.enum(EXPORT_TABLES, {
  error: `The table must be one of ${EXPORT_TABLES.join(", ")}.`,
});

/**
 * Opens a CSV export of one dashboard table for a course's instructor or an admin: checks the
 * table and query (a ValidationError, 400), the course (as every read: 403/404), records the
 * export in analytics_exports (who, which course and table) and hands back the rows to
 * stream. The row count is recorded when the last row has been read.
 */
export async function openAnalyticsExport({
  db,
  user,
  courseId,
  table: tableName,
  query,
  now = new Date(),
  pageSize = EXPORT_PAGE_SIZE,
}: {
  db: Database;
  user: SessionUser;
  courseId: string;
  table: string;
  query: Record<string, string | undefined>;
  now?: Date;
  pageSize?: number;
}): Promise<AnalyticsExport> {
  const table = parseQuery(exportTable, tableName);
  const course = await assertCanEditCourse(db, user, courseId);
  const sheet = await sheetOf({ db, user, table, courseId, query, now, pageSize });
  const [audit] = await db
    .insert(analyticsExports)
    .values({ courseId, userId: user.id, table })
    .returning({ id: analyticsExports.id });
  return {
    filename: `${course.slug}-${table}.csv`,
    columns: sheet.columns,
    rows: counted(sheet.rows, async (rows) => {
      if (audit) {
        await db.update(analyticsExports).set({ rows }).where(eq(analyticsExports.id, audit.id));
      }
    }),
  };
}

/** Yields `rows` and, once every one was read, reports how many. */
async function* counted(rows: AsyncGenerator<CsvCell[]>, done: (n: number) => Promise<void>) {
  let n = 0;
  for await (const row of rows) {
    n += 1;
    yield row;
  }
  await done(n);
}
