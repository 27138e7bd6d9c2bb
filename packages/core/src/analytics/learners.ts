import { analyticsEnrollments, type Database, users } from "@lumen/db";
import { and, count, eq, isNull } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { completionPercent } from "../enrollment";
import type { SessionUser } from "../kernel";
import type { LearnersTableInput } from "./inputs";
import {
  atRiskSql,
  learnerColumns,
  learnersOrder,
  learnersWhere,
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
  const [asOf, [matching], [risky], rows] = await Promise.all([
    rollupAsOf(db),
    db
      .select({ n: count() })
      .from(analyticsEnrollments)
      .innerJoin(users, eq(users.id, analyticsEnrollments.userId))
      .where(where),
    db
      .select({ n: count() })
      .from(analyticsEnrollments)
      .where(
        and(
          eq(analyticsEnrollments.courseId, input.courseId),
          isNull(analyticsEnrollments.unenrolledAt),
          atRisk,
        ),
      ),
    db
      .select(learnerColumns(atRisk))
      .from(analyticsEnrollments)
      .innerJoin(users, eq(users.id, analyticsEnrollments.userId))
      .where(where)
      .orderBy(...learnersOrder(input.sort, input.direction))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
  ]);
  return {
    asOf,
    total: Number(matching?.n ?? 0),
    atRiskTotal: Number(risky?.n ?? 0),
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
