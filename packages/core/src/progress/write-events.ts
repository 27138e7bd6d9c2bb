import { executeNamed } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { Transaction } from "../kernel";
import { creditCoverage, lessonBounds, tenthsOf } from "./coverage-sql";

/** One event of a merged batch, tagged with its caller and its place in the batch. */
export interface BatchEvent {
  /** Index in the batch; rejections are reported by it. */
  i: number;
  userId: string;
  eventId: string;
  enrollmentId: string;
  lessonId: string;
  /** What the event claims was watched: an int4multirange literal in tenths of a second. */
  watched: string;
  positionSeconds: number;
  completed: boolean;
  /**
   * Epoch ms as the client sent it: stored so (eventId, occurredAt), the log's key, finds a
   * resent event again; clamped to the server's now wherever it orders positions.
   */
  occurredAt: number;
}

export type RejectReason = "enrollment" | "inactive" | "lesson";

/** A lesson this statement applied new events to: what it covers now, what it refused. */
export interface LessonCoverage {
  enrollmentId: string;
  lessonId: string;
  /** Seconds of the video covered after this statement. */
  watchedSeconds: number;
  /** Seconds claimed within the video but not credited (faster than playback allows). */
  clampedSeconds: number;
}

export interface WriteOutcome {
  rejected: Array<{ i: number; reason: RejectReason }>;
  /** Accepted-looking event ids that were already stored (resent): duplicates. */
  alreadyStored: string[];
  /** Lessons this statement completed for the first time (each once). */
  completedLessons: Array<{ enrollmentId: string; lessonId: string }>;
  /**
   * Per enrollment with an accepted or duplicate event: its required lessons and those
   * completed as of this statement's snapshot (exact unless it is in `completedLessons`).
   */
  counted: Array<{ enrollmentId: string; courseId: string; required: number; completed: number }>;
  lessons: LessonCoverage[];
}

/**
 * Writes a whole merged batch in ONE statement (no per-event queries):
 * 1. checks every event against its enrollment (the caller's, active) and lesson (in that
 *    enrollment's course), once per distinct (caller, enrollment, lesson); refused ones go no
 *    further;
 * 2. inserts their ids into progress_event_ids, ON CONFLICT DO NOTHING, and only the ids new
 *    there into progress_events (partitioned by month: ADR 0029): resent ids are skipped and
 *    only newly inserted events are applied;
 * 3. folds them per (enrollment, lesson) into lesson_progress: the intervals claimed are
 *    merged (a replay counts once), cut to the video's timeline and credited as coverage no
 *    faster than playback since the learner's playback began allows (ADR 0007) — checked
 *    against the row as locked by the upsert, so concurrent batches cannot each spend the
 *    same allowance; the position comes from the latest event by client time; completedAt is
 *    set once — video at ≥ 90 % of its duration covered, text/PDF on explicit
 *    completion, quiz, exercise and assignment never (only a passing grade completes them).
 * 4. counts, per enrollment touched, its required lessons and those already completed, so
 *    the common batch (nothing newly completed) needs no further query.
 * Rows are written in key order so that concurrent batches lock them in the same order.
 * `now()` is the transaction's start, so `completed_at = now()` means "completed just now";
 * `now` (epoch ms, the API's clock) measures elapsed playback, as the playback start does.
 */
export async function writeEvents(
  tx: Transaction,
  events: readonly BatchEvent[],
  now: number,
): Promise<WriteOutcome> {
  // One array per column, unnested in the statement and typed by its casts. Who, which
  // enrollment and which lesson are sent once per distinct triple (a player's batch is dozens
  // of events for one lesson), each event pointing at its triple: a third of the bytes to
  // send and parse that full ids per event were.
  const pairKeys = new Map<string, number>();
  const pairs: Array<Pick<BatchEvent, "userId" | "enrollmentId" | "lessonId">> = [];
  const pairOf = events.map((e) => {
    const key = `${e.userId} ${e.enrollmentId} ${e.lessonId}`;
    let k = pairKeys.get(key);
    if (k === undefined) {
      k = pairs.length;
      pairKeys.set(key, k);
      pairs.push(e);
    }
    return k;
  });
  const column = <T>(pick: (e: BatchEvent) => T) => sql.param(events.map(pick));
  const pairColumn = <T>(pick: (p: (typeof pairs)[number]) => T) => sql.param(pairs.map(pick));
  const at = sql`${new Date(now).toISOString()}::timestamptz`;
  // A named statement: its parse and plan cost about as much again as running it for a
  // batch of a few hundred events, and its text never changes (ADR 0029).
  const { rows } = await executeNamed<{
    rejected: Array<{ i: number; reason: RejectReason }>;
    already_stored: string[];
    completed_lessons: Array<{ enrollmentId: string; lessonId: string }>;
    counted: WriteOutcome["counted"];
    lessons: LessonCoverage[];
  }>(
    tx,
    "lumen_progress_write_events",
    sql`
    with input as (
      select * from unnest(${column((e) => e.i)}::int[], ${sql.param(pairOf)}::int[],
        ${column((e) => e.eventId)}::uuid[], ${column((e) => e.watched)}::text[],
        ${column((e) => e.positionSeconds)}::real[], ${column((e) => e.completed)}::boolean[],
        ${column((e) => e.occurredAt)}::float8[]) as x(i, k, id, w, p, c, t)
    ),
    pairs as (
      -- Each (caller, enrollment, lesson) is checked once, however many events it has.
      select p.k, p.u, p.en, p.l, case
          when e.id is null or e.user_id <> p.u then 'enrollment'
          when e.unenrolled_at is not null then 'inactive'
          when m.course_id is distinct from e.course_id then 'lesson'
        end as reason
      from unnest(${pairColumn((p) => p.userId)}::text[],
        ${pairColumn((p) => p.enrollmentId)}::uuid[], ${pairColumn((p) => p.lessonId)}::uuid[])
        with ordinality as p(u, en, l, k)
      left join enrollments e on e.id = p.en
      left join lessons le on le.id = p.l
      left join modules m on m.id = le.module_id
    ),
    checked as (
      select input.*, pairs.u, pairs.en, pairs.l, pairs.reason
      from input join pairs on pairs.k = input.k + 1
    ),
    fresh as (
      -- An id is stored once: only those new here are events to store and apply. The first
      -- copy of an id in the batch wins; a writer inserting the same id concurrently waits on
      -- the key and then finds it (ADR 0029).
      insert into progress_event_ids (event_id, occurred_at)
      select distinct on (id) id, to_timestamp(t / 1000.0) from checked
      where reason is null
      order by id, i
      on conflict (event_id) do nothing
      returning event_id
    ),
    inserted as (
      insert into progress_events
        (event_id, enrollment_id, lesson_id, watched, position_seconds, completed, occurred_at)
      select distinct on (c.id) c.id, c.en, c.l, c.w::int4multirange, c.p, c.c,
        to_timestamp(c.t / 1000.0)
      from checked c
      -- A hashed lookup: a join (or IN, which the planner turns into one) was planned as a
      -- nested loop over both CTEs, whose sizes it cannot estimate: batch size squared
      -- comparisons (640k for 800 events, ~2/3 of the statement's time). Inside coalesce
      -- the IN stays a subplan, hashed once.
      where c.reason is null and coalesce(c.id in (select event_id from fresh), false)
      order by c.id, c.i
      returning event_id, enrollment_id, lesson_id, watched, position_seconds, completed,
        occurred_at
    ),
    folded as (
      select enrollment_id, lesson_id,
        range_agg(watched) as claimed,
        bool_or(completed) as completed,
        -- A client clock ahead of ours must not pin the position in the future.
        (array_agg(position_seconds order by least(occurred_at, ${at}) desc, event_id desc))[1]
          as position,
        least(max(occurred_at), ${at}) as position_at
      from inserted
      group by enrollment_id, lesson_id
    ),
    claims as (
      select f.*, b.kind, b.to_complete, b.allowance, f.claimed * b.timeline as within
      from folded f
      cross join lateral ${lessonBounds(sql`f.enrollment_id`, sql`f.lesson_id`, at)} b
    ),
    applied as (
      -- The insert branch credits from nothing. Its proposed coverage is the claim cut to the
      -- allowance, which still holds everything the update branch can credit: that branch
      -- credits at most allowance − covered, all of it from the claim's first allowance tenths.
      insert into lesson_progress as lp (enrollment_id, lesson_id, coverage, watched_seconds,
        position_seconds, position_at, completed_at)
      select c.enrollment_id, c.lesson_id, s.coverage, s.tenths / 10.0, c.position,
        c.position_at,
        case
          when s.tenths >= c.to_complete then now()
          when c.kind in ('text', 'pdf') and c.completed then now()
        end
      from claims c
      cross join lateral ${creditCoverage(sql`'{}'::int4multirange`, sql`c.within`, sql`c.allowance`)} s
      order by c.enrollment_id, c.lesson_id
      on conflict (enrollment_id, lesson_id) do update set
        (coverage, watched_seconds, completed_at) = (
          select s.coverage, s.tenths / 10.0, coalesce(lp.completed_at, excluded.completed_at,
            case when s.tenths >= b.to_complete then now() end)
          from ${lessonBounds(sql`lp.enrollment_id`, sql`lp.lesson_id`, at)} b
          cross join lateral ${creditCoverage(sql`lp.coverage`, sql`excluded.coverage`, sql`b.allowance`)} s),
        position_seconds = case when excluded.position_at >= lp.position_at
          then excluded.position_seconds else lp.position_seconds end,
        position_at = greatest(lp.position_at, excluded.position_at),
        updated_at = now()
      returning lp.enrollment_id, lp.lesson_id, lp.coverage, lp.watched_seconds,
        lp.completed_at = now() as newly_completed
    ),
    touched as (select distinct en from checked where reason is null),
    counted as (
      select t.en as enrollment_id, e.course_id,
        count(l.id)::int as required, count(lp.completed_at)::int as completed
      from touched t
      join enrollments e on e.id = t.en
      left join modules m on m.course_id = e.course_id
      left join lessons l on l.module_id = m.id and not l.is_optional
      left join lesson_progress lp on lp.enrollment_id = t.en and lp.lesson_id = l.id
      group by t.en, e.course_id
    )
    select
      (select coalesce(json_agg(json_build_object('i', i, 'reason', reason)), '[]')
        from checked where reason is not null) as rejected,
      -- Usually empty, unlike the list of inserted ids: the answer stays small.
      (select coalesce(json_agg(distinct c.id), '[]') from checked c
        where c.reason is null and c.id not in (select event_id from inserted)
      ) as already_stored,
      (select coalesce(json_agg(json_build_object('enrollmentId', enrollment_id,
          'lessonId', lesson_id)), '[]')
        from applied where newly_completed) as completed_lessons,
      (select coalesce(json_agg(json_build_object('enrollmentId', enrollment_id,
          'courseId', course_id, 'required', required, 'completed', completed)), '[]')
        from counted) as counted,
      (select coalesce(json_agg(json_build_object('enrollmentId', a.enrollment_id,
          'lessonId', a.lesson_id, 'watchedSeconds', a.watched_seconds,
          'clampedSeconds', ${tenthsOf(sql`c.within - a.coverage`)} / 10.0)), '[]')
        from applied a join claims c using (enrollment_id, lesson_id)) as lessons`,
  );
  const row = rows[0];
  if (!row) throw new Error("progress write returned no row");
  return {
    rejected: row.rejected,
    alreadyStored: row.already_stored,
    completedLessons: row.completed_lessons,
    counted: row.counted,
    lessons: row.lessons,
  };
}
