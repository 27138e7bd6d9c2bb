import type { Database } from "@lumen/db";
import { z } from "zod";
import { type SessionUser, ValidationError } from "../kernel";
import { EXERCISE_VERDICTS, getAssessmentsOverview, getQuizAnalytics } from "./assessments";
import type { CsvCell, Sheet } from "./csv";
import { learnerSheet } from "./export-learners";
import { getCourseFunnel } from "./funnel";
import {
  analyticsCourseInput,
  analyticsLessonInput,
  type ExportTable,
  learnersTableInput,
  overviewInput,
} from "./inputs";
import { getCourseOverview } from "./overview";
import { getVideoEngagement, listVideoEngagement } from "./video";

/** The header and rows of one dashboard table, read as they are consumed. */
/** Query-string text to the input's types: "7" → 7, "true" → true; anything else as given. */
const asInt = (v: string | undefined) => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : v);
const asBool = (v: string | undefined) => (v === "true" ? true : v === "false" ? false : v);

/** Parses with `schema` or refuses with a ValidationError (400) naming what is wrong. */
export function parseQuery<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    `The export's query is not valid: ${parsed.error.issues.map((i) => i.message).join(" ")}`,
    z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
  );
}

/** Score or grade bands of ten points, as the dashboard draws them: 0–9 … 90–99, 100. */
const BANDS = Array.from({ length: 11 }, (_, b) =>
  b === 10 ? "band_100" : `band_${b * 10}_${b * 10 + 9}`,
);

async function* each<T>(items: readonly T[], row: (item: T) => CsvCell[]) {
  for (const item of items) yield row(item);
}

/**
 * The header and rows of each table. The query string is parsed by the table's own read
 * schema, so the export accepts exactly what the dashboard does; the small tables come from
 * the dashboard's reads themselves.
 */
export async function sheetOf({
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
      return {
        columns: ["lesson_id", "quiz", "attempts", "pass_rate", "average_score", ...BANDS],
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
    case "exercises": {
      const { exercises } = await getAssessmentsOverview({ ...ctx, input: course() });
      return {
        columns: [
          "lesson_id",
          "exercise",
          "learners",
          "submissions",
          "pass_rate",
          ...EXERCISE_VERDICTS.map((v) => `graded_${v}`),
        ],
        rows: each(exercises, (e) => [
          e.lessonId,
          e.title,
          e.learners,
          e.submissions,
          e.passRate,
          ...EXERCISE_VERDICTS.map((v) => e.verdicts[v] ?? 0),
        ]),
      };
    }
    case "assignments": {
      const { assignments } = await getAssessmentsOverview({ ...ctx, input: course() });
      return {
        columns: [
          "lesson_id",
          "assignment",
          "submitted",
          "graded",
          ...BANDS,
          "awaiting_reviews",
          "awaiting_grade",
        ],
        rows: each(assignments, (a) => [
          a.lessonId,
          a.title,
          a.submitted,
          a.graded,
          ...a.gradeBands,
          a.backlog.awaitingReviews,
          a.backlog.awaitingGrade,
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
