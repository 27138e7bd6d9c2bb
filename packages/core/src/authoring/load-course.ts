import {
  courses,
  type Database,
  lessonDocuments,
  lessons,
  modules,
  quizQuestions,
  videoAssets,
} from "@lumen/db";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { NotFoundError } from "../kernel";
import { loadRenditionsOf, type VideoStatus, videoPercent } from "../video";

type LessonKind = (typeof lessons.$inferSelect)["kind"];

export interface DraftLesson {
  id: string;
  title: string;
  kind: LessonKind;
  position: number;
  durationSeconds: number;
  body: string;
  /** Free preview: anyone may watch it, enrolled or not. */
  isPreview: boolean;
  /** Not counted in course completion. */
  isOptional: boolean;
  /** Video lessons: the video learners get (else the upload in progress), for its state. */
  video: DraftVideo | null;
  /** Quiz lessons: how many questions the quiz has (0 before its first save); else null. */
  questionCount: number | null;
  /** Assignment lessons: how many criteria the rubric has (0 before its first save); else null. */
  rubricCriteria: number | null;
  /** PDF lessons: the uploaded document, null before the upload (and for other kinds). */
  document: { filename: string; byteSize: number } | null;
  /** Exercise lessons: what publishing needs (tests, a proven reference solution); else null. */
  exercise: DraftExercise | null;
}
/** An exercise as the publish checks judge it. */
export interface DraftExercise {
  testCount: number;
  hasReference: boolean;
  /** The latest check of the reference solution against the current version, if any. */
  check: {
    status: "queued" | "grading" | "graded";
    passed: boolean | null;
    compileError: string | null;
    /** Tests the reference solution failed, in outline order. */
    failing: Array<{ position: number; hidden: boolean; verdict: string }>;
  } | null;
}
export interface DraftVideo {
  assetId: string;
  status: VideoStatus;
  /** 0–100 while processing, 100 when ready. */
  percent: number;
  failureReason: string | null;
  /** An attempt failed and the job will try again: the outline says so instead of "0 %". */
  retrying: boolean;
}
export interface DraftModule {
  id: string;
  title: string;
  position: number;
  lessons: DraftLesson[];
}

/**
 * A lesson's video as the outline and the publish checks judge it: the current one (what
 * learners play), else the newest upload that was not cancelled (a first video on its way).
 */
const upload = alias(videoAssets, "upload");
const lessonVideoAssetId = sql`coalesce(${lessons.videoAssetId}, (select ${upload.id} from ${videoAssets} ${upload}
  where ${and(eq(upload.lessonId, lessons.id), ne(upload.status, "cancelled"))}
  order by ${desc(upload.createdAt)} limit 1))`;

/** Everything the editor and the publish checks look at, outline in display order. */
export async function loadCourseDraft(db: Database, courseId: string) {
  const [course] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subtitle: courses.subtitle,
      description: courses.description,
      category: courses.category,
      level: courses.level,
      language: courses.language,
      tags: courses.tags,
      coverImageKey: courses.coverImageKey,
      status: courses.status,
      publishedAt: courses.publishedAt,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError("We couldn't find that course.");
  const [moduleRows, lessonRows] = await Promise.all([
    db
      .select({ id: modules.id, title: modules.title, position: modules.position })
      .from(modules)
      .where(eq(modules.courseId, courseId))
      .orderBy(asc(modules.position), asc(modules.createdAt), asc(modules.id)),
    db
      .select({
        id: lessons.id,
        moduleId: lessons.moduleId,
        title: lessons.title,
        kind: lessons.kind,
        position: lessons.position,
        durationSeconds: lessons.durationSeconds,
        body: lessons.body,
        isPreview: lessons.isPreview,
        isOptional: lessons.isOptional,
        questionCount: sql<number>`(select count(*)::int from ${quizQuestions}
          where ${quizQuestions.lessonId} = ${lessons.id})`,
        rubricCriteria: sql<number>`coalesce((select jsonb_array_length(a.rubric)
          from assignments a where a.lesson_id = ${lessons.id}), 0)`,
        exercise: sql<StoredDraftExercise | null>`(select json_build_object(
            'testCount', (select count(*)::int from exercise_tests t where t.lesson_id = x.lesson_id),
            'hasReference', btrim(x.reference_solution) <> '',
            'check', (select json_build_object('status', s.status, 'passed', s.passed,
                'compileError', s.compile_error, 'results', s.results)
              from exercise_submissions s
              where s.lesson_id = x.lesson_id and s.purpose = 'reference'
                and s.exercise_version = x.version
              order by s.created_at desc limit 1))
          from exercises x where x.lesson_id = ${lessons.id})`,
        documentFilename: lessonDocuments.filename,
        documentByteSize: lessonDocuments.byteSize,
        assetId: videoAssets.id,
        videoStatus: videoAssets.status,
        failureReason: videoAssets.failureReason,
        failedAttempts: videoAssets.failedAttempts,
      })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .leftJoin(videoAssets, eq(videoAssets.id, lessonVideoAssetId))
      .leftJoin(lessonDocuments, eq(lessonDocuments.lessonId, lessons.id))
      .where(eq(modules.courseId, courseId))
      .orderBy(asc(lessons.position), asc(lessons.createdAt), asc(lessons.id)),
  ]);
  const renditions = await loadRenditionsOf(
    db,
    lessonRows.flatMap((l) => (l.assetId ? [l.assetId] : [])),
  );
  const outline: DraftModule[] = moduleRows.map((m) => ({ ...m, lessons: [] }));
  const byId = new Map(outline.map((m) => [m.id, m]));
  for (const row of lessonRows) {
    const {
      moduleId,
      assetId,
      videoStatus,
      failureReason,
      failedAttempts,
      questionCount,
      rubricCriteria,
      exercise,
      ...lesson
    } = row;
    const { documentFilename: filename, documentByteSize: byteSize, ...fields } = lesson;
    const video =
      assetId && videoStatus
        ? {
            assetId,
            status: videoStatus,
            percent: videoPercent(videoStatus, renditions.get(assetId) ?? []),
            failureReason,
            retrying:
              (videoStatus === "queued" || videoStatus === "processing") &&
              (failedAttempts ?? 0) > 0,
          }
        : null;
    byId.get(moduleId)?.lessons.push({
      ...fields,
      video,
      questionCount: fields.kind === "quiz" ? questionCount : null,
      rubricCriteria: fields.kind === "assignment" ? Number(rubricCriteria) : null,
      exercise: fields.kind === "exercise" ? draftExercise(exercise) : null,
      document:
        fields.kind === "pdf" && filename !== null && byteSize !== null
          ? { filename, byteSize }
          : null,
    });
  }
  return { ...course, modules: outline };
}

export type CourseDraft = Awaited<ReturnType<typeof loadCourseDraft>>;

interface StoredDraftExercise {
  testCount: number;
  hasReference: boolean;
  check: {
    status: "queued" | "grading" | "graded";
    passed: boolean | null;
    compileError: string | null;
    results: Array<{ position: number; hidden: boolean; verdict: string }> | null;
  } | null;
}

/** An exercise lesson before its first save has no tests and no reference solution. */
function draftExercise(stored: StoredDraftExercise | null): DraftExercise {
  if (!stored) return { testCount: 0, hasReference: false, check: null };
  const { check } = stored;
  return {
    testCount: stored.testCount,
    hasReference: stored.hasReference,
    check: check && {
      status: check.status,
      passed: check.passed,
      compileError: check.compileError,
      failing: (check.results ?? [])
        .filter((r) => r.verdict !== "AC")
        .map(({ position, hidden, verdict }) => ({ position, hidden, verdict })),
    },
  };
}
