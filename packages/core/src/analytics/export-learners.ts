import { analyticsEnrollments, type Database, users } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { CsvCell, Sheet } from "./csv";
import { cursorPages } from "./cursor-pages";
import type { learnersTableInput } from "./inputs";
import {
  atRiskSql,
  learnersOrder,
  learnersWhere,
  percentSql,
  requiredLessonsOf,
} from "./learner-sql";

const LEARNER_COLUMNS = [
  "name",
  "email",
  "enrolled_at",
  "percent",
  "lessons_completed",
  "last_active_at",
  "quiz_average",
  "quizzes_passed",
  "certificate_id",
  "certified_at",
  "at_risk",
];

/** ISO 8601 in UTC, as the dashboard shows instants. */
const isoSql = (column: unknown) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * Every learner matching the table's search and filter, in its sort, through a cursor:
 * the same WHERE and ORDER BY as the table (learner-sql.ts), without the page.
 */
export async function learnerSheet(
  db: Database,
  input: z.output<typeof learnersTableInput>,
  now: Date,
  pageSize: number,
): Promise<Sheet> {
  const required = await requiredLessonsOf(db, input.courseId);
  const e = analyticsEnrollments;
  const query = sql`select ${users.name} as name, ${users.email} as email,
      ${isoSql(e.enrolledAt)} as enrolled_at, ${percentSql(required)} as percent,
      ${e.lessonsCompleted} as lessons_completed, ${isoSql(e.lastActiveAt)} as last_active_at,
      ${e.quizAverage} as quiz_average, ${e.quizzesPassed} as quizzes_passed,
      ${e.certificateId} as certificate_id, ${isoSql(e.certifiedAt)} as certified_at,
      ${atRiskSql(input.atRisk, required, now)} as at_risk
    from ${e} join ${users} on ${users.id} = ${e.userId}
    where ${learnersWhere(input, required, now)}
    order by ${sql.join(learnersOrder(input.sort, input.direction), sql`, `)}`;
  return { columns: LEARNER_COLUMNS, rows: learnerRows(db, query, pageSize) };
}

async function* learnerRows(db: Database, query: ReturnType<typeof sql>, pageSize: number) {
  for await (const page of cursorPages<Record<string, CsvCell>>(db, query, pageSize)) {
    for (const row of page) {
      yield LEARNER_COLUMNS.map((c) => {
        const v = row[c] ?? null;
        // real and bigint columns may arrive as text from some drivers: numbers stay numbers.
        return c === "quiz_average" && v !== null ? Number(v) : v;
      });
    }
  }
}
