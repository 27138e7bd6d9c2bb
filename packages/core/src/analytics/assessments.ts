import { analyticsQuizScores, type Database, lessons, modules } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { countBacklogs } from "../assignment";
import type { SessionUser } from "../kernel";
import type { AnalyticsCourseInput } from "./inputs";
import { type BandRow, quizSummary } from "./quiz-summary";
import { bandsArray, courseOutline, rollupAsOf, shareOf } from "./shared";
import type { AssessmentsOverview, AssignmentSummary, ExerciseSummary } from "./types";

export { getQuizAnalytics } from "./quiz-analytics";

/**
 * The assessments tab: every quiz from the quiz rollup, and exercises and assignments counted
 * from their submissions when asked (they are few per course next to progress events, and
 * their states change after submitting: verdicts arrive, grades are given, reviews come in).
 */
export async function getAssessmentsOverview({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: AnalyticsCourseInput;
}): Promise<AssessmentsOverview> {
  await assertCanEditCourse(db, user, input.courseId);
  const [asOf, outline, quizBands] = await Promise.all([
    rollupAsOf(db),
    courseOutline(db, input.courseId),
    quizScoreBands(db, input.courseId),
  ]);
  const ofKind = (kind: string) => outline.filter((l) => l.kind === kind);
  const [exercises, assignments] = await Promise.all([
    exerciseSummaries(db, ofKind("exercise")),
    assignmentSummaries(db, ofKind("assignment")),
  ]);
  return {
    asOf,
    quizzes: ofKind("quiz").map((q) =>
      quizSummary(q.lessonId, q.title, quizBands.get(q.lessonId) ?? []),
    ),
    exercises,
    assignments,
  };
}

/** Every quiz's score bands in the course, by lesson. */
async function quizScoreBands(db: Database, courseId: string) {
  const rows = await db
    .select({
      lessonId: analyticsQuizScores.lessonId,
      band: analyticsQuizScores.band,
      attempts: analyticsQuizScores.attempts,
      passed: analyticsQuizScores.passed,
      scoreSum: analyticsQuizScores.scoreSum,
    })
    .from(analyticsQuizScores)
    .innerJoin(lessons, eq(lessons.id, analyticsQuizScores.lessonId))
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, courseId));
  const byLesson = new Map<string, BandRow[]>();
  for (const { lessonId, ...row } of rows) {
    byLesson.set(lessonId, [...(byLesson.get(lessonId) ?? []), row]);
  }
  return byLesson;
}

/** Every verdict VERDICT below gives, in the order the CSV export lists them. */
export const EXERCISE_VERDICTS = ["passed", "failed", "error", "timeout"] as const;

/**
 * A graded exercise submission's verdict: passed; else "error" when it did not compile or a
 * test crashed or ran out of memory or output, "timeout" when a test ran out of time, else
 * "failed" (wrong answers).
 */
const VERDICT = sql<string>`case
  when s.passed then 'passed'
  when s.compile_error is not null then 'error'
  when s.results @> '[{"verdict":"TLE"}]'::jsonb then 'timeout'
  when exists (select 1 from jsonb_array_elements(coalesce(s.results, '[]'::jsonb)) t
    where t->>'verdict' in ('CE', 'RE', 'MLE', 'OLE')) then 'error'
  else 'failed' end`;

/**
 * Learners' graded attempts (not sample runs, not staff checks): who submitted, how many
 * passed of those graded, and the verdicts.
 */
async function exerciseSummaries(
  db: Database,
  outline: ReadonlyArray<{ lessonId: string; title: string }>,
): Promise<ExerciseSummary[]> {
  if (outline.length === 0) return [];
  const ids = outline.map((l) => l.lessonId);
  const [totals, graded] = await Promise.all([
    db.execute<{ lesson_id: string; learners: number; submissions: number }>(sql`
      select s.lesson_id, count(distinct s.enrollment_id)::int as learners,
        count(*)::int as submissions
      from exercise_submissions s
      where s.lesson_id in ${ids} and s.purpose = 'submit'
      group by 1`),
    db.execute<{ lesson_id: string; verdict: string; n: number }>(sql`
      select s.lesson_id, ${VERDICT} as verdict, count(*)::int as n
      from exercise_submissions s
      where s.lesson_id in ${ids} and s.purpose = 'submit' and s.status = 'graded'
      group by 1, 2`),
  ]);
  return outline.map((lesson) => {
    const total = totals.rows.find((r) => r.lesson_id === lesson.lessonId);
    const verdicts: Record<string, number> = {};
    for (const r of graded.rows) {
      if (r.lesson_id === lesson.lessonId) verdicts[r.verdict] = Number(r.n);
    }
    const gradedCount = Object.values(verdicts).reduce((a, b) => a + b, 0);
    return {
      lessonId: lesson.lessonId,
      title: lesson.title,
      learners: Number(total?.learners ?? 0),
      submissions: Number(total?.submissions ?? 0),
      passRate: shareOf(verdicts.passed ?? 0, gradedCount),
      verdicts,
    };
  });
}

/** Submissions, grades by band, and the peer-review backlog (the staff backlog's own counts). */
async function assignmentSummaries(
  db: Database,
  outline: ReadonlyArray<{ lessonId: string; title: string }>,
): Promise<AssignmentSummary[]> {
  if (outline.length === 0) return [];
  const ids = outline.map((l) => l.lessonId);
  const [{ rows }, backlogs] = await Promise.all([
    db.execute<{ lesson_id: string; band: number | null; n: number }>(sql`
      select s.lesson_id,
        case when s.status = 'graded' and s.grade_percent is not null
          then least(10, floor(s.grade_percent / 10))::int end as band,
        count(*)::int as n
      from assignment_submissions s
      where s.lesson_id in ${ids}
      group by 1, 2`),
    countBacklogs(db, ids),
  ]);
  return outline.map((lesson) => {
    const mine = rows.filter((r) => r.lesson_id === lesson.lessonId);
    const graded = mine.filter((r) => r.band !== null);
    const counts = backlogs.get(lesson.lessonId);
    return {
      lessonId: lesson.lessonId,
      title: lesson.title,
      submitted: mine.reduce((sum, r) => sum + Number(r.n), 0),
      graded: graded.reduce((sum, r) => sum + Number(r.n), 0),
      gradeBands: bandsArray(graded.map((r) => ({ band: Number(r.band), n: Number(r.n) }))),
      backlog: {
        awaitingReviews: (counts?.waiting ?? 0) + (counts?.in_review ?? 0),
        awaitingGrade: (counts?.needs_staff ?? 0) + (counts?.flagged ?? 0),
      },
    };
  });
}
