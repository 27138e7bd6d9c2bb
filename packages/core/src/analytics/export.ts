import { analyticsEnrollments, analyticsExports, type Database, users } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { assertCanEditCourse } from "../access";
import { type SessionUser, ValidationError } from "../kernel";
import { getAssessmentsOverview, getQuizAnalytics } from "./assessments";
import type { CsvCell } from "./csv";
import { cursorPages } from "./cursor-pages";
import { getCourseFunnel } from "./funnel";
import {
  analyticsCourseInput,
  analyticsLessonInput,
  EXPORT_TABLES,
  type ExportTable,
  learnersTableInput,
  overviewInput,
} from "./inputs";
import {
  atRiskSql,
  learnersOrder,
  learnersWhere,
  percentSql,
  requiredLessonsOf,
} from "./learner-sql";
import { getCourseOverview } from "./overview";
import { getVideoEngagement, listVideoEngagement } from "./video";

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

/** Query-string text to the input's types: "7" → 7, "true" → true; anything else as given. */
const asInt = (v: string | undefined) => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : v);
const asBool = (v: string | undefined) => (v === "true" ? true : v === "false" ? false : v);

/** Parses with `schema` or refuses with a ValidationError (400) naming what is wrong. */
function parseQuery<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    `The export's query is not valid: ${parsed.error.issues.map((i) => i.message).join(" ")}`,
    z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
  );
}

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

interface Sheet {
  columns: string[];
  rows: AsyncGenerator<CsvCell[]>;
}

async function* each<T>(items: readonly T[], row: (item: T) => CsvCell[]) {
  for (const item of items) yield row(item);
}

/**
 * The header and rows of each table. The query string is parsed by the table's own read
 * schema, so the export accepts exactly what the dashboard does; the small tables come from
 * the dashboard's reads themselves.
 */
async function sheetOf({
  db,
  user,
  table,
  courseId,
  query: q,
  now,
  pageSize,
}: {
  db: Database;
  user: SessionUser;
  table: ExportTable;
  courseId: string;
  query: Record<string, string | undefined>;
  now: Date;
  pageSize: number;
}): Promise<Sheet> {
  const ctx = { db, user };
  const course = () => parseQuery(analyticsCourseInput, { courseId });
  const lesson = () => parseQuery(analyticsLessonInput, { courseId, lessonId: q.lessonId });
  switch (table) {
    case "overview": {
      const input = parseQuery(overviewInput, {
        courseId,
        from: q.from,
        to: q.to,
        granularity: q.granularity,
      });
      const o = await getCourseOverview({ ...ctx, input });
      return {
        columns: ["period", "enrolled", "unenrolled", "active", "completed", "certified"],
        rows: each(o.series, (p) => [
          p.period,
          p.enrolled,
          p.unenrolled,
          p.active,
          p.completed,
          p.certified,
        ]),
      };
    }
    case "funnel": {
      const f = await getCourseFunnel({ ...ctx, input: course() });
      return {
        columns: [
          "position",
          "module",
          "lesson",
          "kind",
          "optional",
          "started",
          "completed",
          "started_share",
          "completed_share",
          "drop_from_previous",
          "biggest_drop",
        ],
        rows: each(f.lessons, (l) => [
          l.position,
          l.moduleTitle,
          l.title,
          l.kind,
          l.optional,
          l.started,
          l.completed,
          l.startedShare,
          l.completedShare,
          l.dropFromPrevious,
          l.biggestDrop,
        ]),
      };
    }
    case "videos": {
      const { videos } = await listVideoEngagement({ ...ctx, input: course() });
      return {
        columns: [
          "lesson_id",
          "lesson",
          "duration_seconds",
          "viewers",
          "completed",
          "average_watched_share",
        ],
        rows: each(videos, (v) => [
          v.lessonId,
          v.title,
          v.durationSeconds,
          v.viewers,
          v.completed,
          v.averageWatchedShare,
        ]),
      };
    }
    case "video": {
      const v = await getVideoEngagement({ ...ctx, input: lesson() });
      return {
        columns: ["second", "retention", "viewers", "plays", "stops"],
        rows: each(v.points, (p) => [p.second, p.retention, p.viewers, p.plays, p.stops]),
      };
    }
    case "quizzes": {
      const { quizzes } = await getAssessmentsOverview({ ...ctx, input: course() });
      const bands = Array.from({ length: 11 }, (_, b) =>
        b === 10 ? "band_100" : `band_${b * 10}_${b * 10 + 9}`,
      );
      return {
        columns: ["lesson_id", "quiz", "attempts", "pass_rate", "average_score", ...bands],
        rows: each(quizzes, (q) => [
          q.lessonId,
          q.title,
          q.attempts,
          q.passRate,
          q.averageScore,
          ...q.scoreBands,
        ]),
      };
    }
    case "quiz": {
      const quiz = await getQuizAnalytics({ ...ctx, input: lesson() });
      return {
        columns: [
          "position",
          "question",
          "kind",
          "attempts",
          "difficulty",
          "discrimination",
          "most_chosen_wrong",
          "most_chosen_wrong_share",
        ],
        rows: each(quiz.questions, (s) => [
          s.position,
          s.prompt,
          s.kind,
          s.attempts,
          s.difficulty,
          s.discrimination,
          s.mostChosenWrong?.text ?? null,
          s.mostChosenWrong?.share ?? null,
        ]),
      };
    }
    case "learners": {
      const input = parseQuery(learnersTableInput, {
        courseId,
        query: q.query,
        sort: q.sort,
        direction: q.direction,
        atRiskOnly: asBool(q.atRiskOnly),
        atRisk: {
          inactiveDays: asInt(q.inactiveDays) ?? 14,
          belowPercent: asInt(q.belowPercent) ?? 50,
        },
      });
      return learnerSheet(db, input, now, pageSize);
    }
  }
}

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
async function learnerSheet(
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
