import { analyticsEnrollments, type Database, users } from "@lumen/db";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { completionPercent } from "../enrollment";
import type { SessionUser } from "../kernel";
import type { LearnersTableInput } from "./inputs";
import {
  atRiskSql,
  learnerColumns,
  learnersOrder,
  learnersWhere,
  needsUsers,
  requiredLessonsOf,
} from "./learner-sql";
import { rollupAsOf } from "./shared";
import type { LearnerRow, LearnersTable } from "./types";

/**
 * The learners table: the course's active learners from the rollup (one row per enrollment)
 * with their names, searched, filtered to those at risk if asked, sorted and paged. The
 * at-risk count ignores the search: it is the course's, for the banner above the table.
 */
export async function listLearnersTable({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: LearnersTableInput;
  now?: Date;
}): Promise<LearnersTable> {
  await assertCanEditCourse(db, user, input.courseId);
  const requiredLessons = await requiredLessonsOf(db, input.courseId);
  const atRisk = atRiskSql(input.atRisk, requiredLessons, now);
  const where = learnersWhere(input, requiredLessons, now);
  const e = analyticsEnrollments;
  // The page's ids first (the sort and the limit over the rollup alone when it can), then
  // the page's rows with names: 25 lookups of users by key instead of a join of every row.
  const ids = db.select({ id: e.enrollmentId }).from(e);
  const pageIds = (needsUsers(input) ? ids.innerJoin(users, eq(users.id, e.userId)) : ids)
    .where(where)
    .orderBy(...learnersOrder(input.sort, input.direction))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const active = and(eq(e.courseId, input.courseId), isNull(e.unenrolledAt));
  // The table's total (its search and filter) and the banner's at-risk count (the course's,
  // whatever the search). Without a search, one pass over the course's learners counts both
  // (each pass is most of the read's time at 100k); a search finds its users through the
  // trigram indexes and joins them, apart from the course-wide at-risk count.
  const counts: Promise<{ matching: number; risky: number }> = input.query
    ? Promise.all([
        db.select({ n: count() }).from(e).innerJoin(users, eq(users.id, e.userId)).where(where),
        db.select({ n: count() }).from(e).where(and(active, atRisk)),
      ]).then(([[m], [r]]) => ({ matching: m?.n ?? 0, risky: r?.n ?? 0 }))
    : db
        .select({
          matching: sql<number>`count(*) filter (where ${where})`,
          risky: sql<number>`count(*) filter (where ${atRisk})`,
        })
        .from(e)
        .where(active)
        .then(([row]) => ({ matching: row?.matching ?? 0, risky: row?.risky ?? 0 }));
  const [asOf, totals, rows] = await Promise.all([
    rollupAsOf(db),
    counts,
    db
      .select(learnerColumns(atRisk))
      .from(e)
      .innerJoin(users, eq(users.id, e.userId))
      .where(inArray(e.enrollmentId, pageIds))
      .orderBy(...learnersOrder(input.sort, input.direction)),
  ]);
  return {
    asOf,
    total: Number(totals.matching),
    atRiskTotal: Number(totals.risky),
    page: input.page,
    pageSize: input.pageSize,
    requiredLessons,
    learners: rows.map((row) => learnerRow(row, requiredLessons)),
  };
}

/** One learner as learnerColumns() selects them. */
interface LearnerRecord {
  userId: string;
  name: string;
  email: string;
  enrollmentId: string;
  enrolledAt: Date;
  requiredCompleted: number;
  lessonsCompleted: number;
  lastActiveAt: Date | null;
  quizAverage: number | null;
  quizzesPassed: number;
  certificateId: string | null;
  certifiedAt: Date | null;
  atRisk: boolean;
}

function learnerRow(row: LearnerRecord, requiredLessons: number): LearnerRow {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    enrollmentId: row.enrollmentId,
    enrolledAt: row.enrolledAt.toISOString(),
    percent: completionPercent(row.requiredCompleted, requiredLessons),
    lessonsCompleted: row.lessonsCompleted,
    lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
    quizAverage: row.quizAverage,
    quizzesPassed: row.quizzesPassed,
    certificate:
      row.certificateId && row.certifiedAt
        ? { id: row.certificateId, issuedAt: row.certifiedAt.toISOString() }
        : null,
    atRisk: Boolean(row.atRisk),
  };
}
