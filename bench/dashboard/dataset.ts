import type pg from "pg";
import type { BenchLesson, BenchQuestion } from "./course";
import { FIRST, LAST, sqlArray } from "./names";

export interface DatasetSize {
  learners: number;
  /** Progress events to generate (approximately: the watching model rounds per lesson). */
  events: number;
  quizAttempts: number;
  /** Enrollments spread over this many days before now. */
  days: number;
}

/**
 * Writes the benchmark's activity with set-based SQL (INSERT … SELECT over generate_series):
 * learners enroll over `days` days; each starts the lessons in outline order up to a "reach"
 * (a funnel: a few never start, ~17 % go all the way, the rest stop somewhere, more of them
 * early), a lesson every 1–48 hours, so the last lessons of recent enrollees lie in the future
 * and are not generated. A video is watched in contiguous stretches of S tenths per event (S
 * sized so the events add up to `size.events`), some learners skip 5 % of it, a third re-watch
 * a stretch around the middle one to four times; the last lesson reached is watched partway.
 * lesson_progress is what the progress path would have made of those events (coverage = their
 * union, completed at ≥ 90 %), quiz attempts are graded as the quiz service grades them (answers
 * and feedback in its shapes; every question a choice or true/false one), the enrollment is
 * completed when every required lesson is, and most completions have a certificate (placeholder
 * credential: the bench never verifies one). `conn` must not be shared: it changes session
 * settings (session_replication_role = replica skips the foreign-key triggers, 20M times).
 */
export async function generateActivity(
  conn: pg.Client,
  o: {
    courseId: string;
    courseTitle: string;
    lessons: BenchLesson[];
    questions: BenchQuestion[];
    size: DatasetSize;
    log: (line: string) => void;
  },
) {
  const { size, log } = o;
  const step = async (label: string, text: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await conn.query(text, params);
    log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  await conn.query(`set session_replication_role = replica;
    set work_mem = '256MB'; set maintenance_work_mem = '1GB'; set synchronous_commit = off`);
  await conn.query(`drop table if exists bench_lessons, bench_questions, bench_learners,
    bench_pairs, bench_attempts`);
  await conn.query(`create unlogged table bench_lessons (ord int primary key, lesson_id uuid,
    kind text, tenths int, optional bool)`);
  await conn.query(
    `insert into bench_lessons select * from jsonb_to_recordset($1::jsonb)
       as x(ord int, lesson_id uuid, kind text, tenths int, optional bool)`,
    [
      JSON.stringify(
        o.lessons.map((l) => ({
          ord: l.order,
          lesson_id: l.id,
          kind: l.kind,
          tenths: l.seconds * 10,
          optional: l.optional,
        })),
      ),
    ],
  );
  await conn.query(
    `create unlogged table bench_questions as
    select * from jsonb_to_recordset($1::jsonb) as x(lesson_id uuid, question_id uuid,
      position int, points int, ease real, right_r jsonb, distractor jsonb, other_wrong jsonb)`,
    [
      JSON.stringify(
        o.questions.map((q) => ({
          lesson_id: q.lessonId,
          question_id: q.id,
          position: q.position,
          points: q.points,
          ease: q.ease,
          right_r: q.right,
          distractor: q.distractor,
          other_wrong: q.otherWrong,
        })),
      ),
    ],
  );
  // Bulk loads go faster into a table without its secondary indexes; they are rebuilt after.
  const loaded = ["progress_events", "lesson_progress", "quiz_attempts", "enrollments", "users"];
  const { rows: indexes } = await conn.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [loaded],
  );
  for (const i of indexes) await conn.query(`drop index "${i.name}"`);

  await conn.query("select setseed(0.42)");
  await step(
    `${size.learners} users`,
    `insert into users (id, name, email, email_verified, role, created_at, updated_at)
     select 'bench-learner-' || g,
       (${sqlArray(FIRST)})[1 + g % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (g * 7919 / ${FIRST.length}) % ${LAST.length}],
       'learner' || g || '@dashboard.bench.lumen.dev', true, 'learner',
       now() - interval '1 day' * ($1 + 10), now() - interval '1 day' * ($1 + 10)
     from generate_series(1, $2) g`,
    [size.days, size.learners],
  );
  await step(
    "learners' plans",
    `create unlogged table bench_learners as
     select g, gen_random_uuid() as enrollment_id, 'bench-learner-' || g as user_id,
       -- more enrollments at launch, then a steady trickle
       now() - interval '1 second' * (86400 * $1 * power(random(), 0.75)) as enrolled_at,
       (random() + random()) / 2 as ability,
       case when r < 0.05 then 0 when r < 0.22 then 20
         else 1 + floor(19 * power(random(), 1.7))::int end as reach,
       1 + random() * 47 as pace_hours,
       random() < 0.08 as leaves
     from (select g, random() as r from generate_series(1, $2) g) s`,
    [size.days, size.learners],
  );
  await step(
    `${size.learners} enrollments`,
    `insert into enrollments (id, user_id, course_id, enrolled_at)
     select enrollment_id, user_id, $1, enrolled_at from bench_learners`,
    [o.courseId],
  );
  await step(
    "lessons each learner reached",
    `create unlogged table bench_pairs as
     select l.enrollment_id, bl.ord, bl.lesson_id, bl.kind, bl.tenths, l.ability,
       l.enrolled_at + interval '1 hour' * (bl.ord * l.pace_hours) + interval '1 minute' * floor(random() * 60) as start_at,
       case when bl.kind <> 'video' then 0
         when bl.ord < l.reach - 1 then bl.tenths
         else greatest(10, floor(bl.tenths * (0.05 + 0.9 * random())))::int end as until,
       random() < 0.15 as skips,
       case when random() < 0.35 then 1 + floor(random() * 4)::int else 0 end as rewatches,
       -- re-watched stretches gather around the middle of each video (its hard part)
       floor(bl.tenths * (0.45 + 0.1 * random()))::int as hotspot
     from bench_learners l join bench_lessons bl on bl.ord < l.reach`,
  );
  // A lesson whose watching would end after now has not happened yet.
  await conn.query(`delete from bench_pairs
    where start_at + interval '1 second' * (tenths / 10.0 * 1.2 + 3600) > now()`);
  await conn.query(`alter table bench_pairs add column skip int4multirange;
    update bench_pairs set skip = case when skips and until = tenths
      then int4multirange(int4range(floor(until * 0.3)::int, floor(until * 0.3)::int + tenths / 20))
      else '{}' end`);
  const { rows: sizing } = await conn.query<{
    text_events: string;
    main_tenths: string;
    max_tenths: string;
  }>(
    `select count(*) filter (where kind = 'text') as text_events,
       coalesce(sum(until) filter (where kind = 'video'), 0) as main_tenths,
       coalesce(max(tenths) filter (where kind = 'video'), 10) as max_tenths
     from bench_pairs`,
  );
  const textEvents = Number(sizing[0]?.text_events);
  const mainTenths = Number(sizing[0]?.main_tenths);
  // Each re-watch is three events; solve for the stretch that makes the total come out.
  const rewatchShare = 0.35 * 2.5 * 3;
  const { rows: videoPairs } = await conn.query<{ n: string }>(
    "select count(*) as n from bench_pairs where kind = 'video'",
  );
  const mainEvents = Math.max(
    1,
    size.events - textEvents - Number(videoPairs[0]?.n) * rewatchShare,
  );
  // A small --events (a sanity run) asks for fewer events than re-watching alone makes: then
  // one event per video watched, not a stretch beyond the longest video (or int4's range).
  const maxTenths = Number(sizing[0]?.max_tenths);
  const stretch = Math.min(maxTenths, Math.max(10, Math.ceil(mainTenths / mainEvents)));
  log(`  watching model: ${stretch / 10} s of video per event`);
  await conn.query("create temp sequence bench_event_ids");
  // Ids in insertion order keep the primary key's b-tree appending instead of splitting pages.
  const eventId = `('00000000-0000-4000-8000-' || lpad(to_hex(nextval('bench_event_ids')), 12, '0'))::uuid`;
  const events = await step(
    "progress events (watching)",
    `insert into progress_events (event_id, enrollment_id, lesson_id, watched, position_seconds,
       completed, occurred_at, received_at)
     select ${eventId}, enrollment_id, lesson_id, w, upper(seg) / 10.0,
       k = last and until * 10 >= tenths * 9, at - interval '1500 ms', at
     from (
       select p.*, k, ceil(p.until::numeric / $1::int)::int - 1 as last,
         int4range(k * $1::int, least((k + 1) * $1::int, p.until)) as seg,
         int4multirange(int4range(k * $1::int, least((k + 1) * $1::int, p.until))) - p.skip as w,
         p.start_at + interval '1 second' * (k * $1::int / 10.0 * 1.05 + 2) as at
       from bench_pairs p cross join lateral generate_series(0, ceil(p.until::numeric / $1::int)::int - 1) k
       where p.kind = 'video') e
     where not isempty(w)`,
    [stretch],
  );
  const rewatch = await step(
    "progress events (re-watching)",
    `insert into progress_events (event_id, enrollment_id, lesson_id, watched, position_seconds,
       completed, occurred_at, received_at)
     select ${eventId}, p.enrollment_id, p.lesson_id,
       int4multirange(int4range(p.hotspot + j * $1::int, least(p.hotspot + (j + 1) * $1::int, p.until))),
       least(p.hotspot + (j + 1) * $1::int, p.until) / 10.0, false,
       at - interval '1500 ms', at
     from bench_pairs p
     cross join lateral generate_series(1, p.rewatches) r
     cross join lateral generate_series(0, 2) j
     cross join lateral (select p.start_at + interval '1 second' * (p.until / 10.0 * 1.05 + r * 600 + j * $1::int / 10.0) as at) t
     where p.kind = 'video' and p.hotspot + j * $1::int < p.until`,
    [stretch],
  );
  const texts = await step(
    "progress events (text lessons)",
    `insert into progress_events (event_id, enrollment_id, lesson_id, watched, position_seconds,
       completed, occurred_at, received_at)
     select ${eventId}, enrollment_id, lesson_id, '{}', 0, true,
       start_at - interval '1500 ms', start_at
     from bench_pairs where kind = 'text'`,
  );
  const eventCount = (events.rowCount ?? 0) + (rewatch.rowCount ?? 0) + (texts.rowCount ?? 0);
  // Coverage is the union of the events' watched parts (each one is inside the timeline):
  // [0, until) minus the skipped part, plus the re-watched stretch.
  await step(
    "lesson_progress (videos, text)",
    `insert into lesson_progress (enrollment_id, lesson_id, coverage, watched_seconds,
       position_seconds, position_at, completed_at, updated_at)
     select enrollment_id, lesson_id, cov,
       (select coalesce(sum(upper(part) - lower(part)), 0) from unnest(cov) part) / 10.0,
       pos / 10.0, last_at - interval '1500 ms',
       case when kind = 'text' then start_at
         when (select coalesce(sum(upper(part) - lower(part)), 0) from unnest(cov) part) >= tenths * 9 / 10
         then main_end end,
       last_at
     from (
       select p.*,
         case when kind = 'text' then '{}'::int4multirange
           else (int4multirange(int4range(0, until)) - skip)
             + case when rewatches > 0 and hotspot < until
                 then int4multirange(int4range(hotspot, least(hotspot + 3 * $1::int, until)))
                 else '{}' end end as cov,
         case when kind = 'text' then 0
           when rewatches > 0 and hotspot < until then least(hotspot + 3 * $1::int, until)
           else until end as pos,
         start_at + interval '1 second' * ((ceil(until::numeric / $1::int) - 1) * $1::int / 10.0 * 1.05 + 2) as main_end,
         case when kind = 'text' then start_at
           when rewatches > 0 and hotspot < until
             then start_at + interval '1 second' * (until / 10.0 * 1.05 + rewatches * 600
               + floor((least(hotspot + 3 * $1::int, until) - hotspot - 1) / $1::int) * $1::int / 10.0)
           else start_at + interval '1 second' * ((ceil(until::numeric / $1::int) - 1) * $1::int / 10.0 * 1.05 + 2)
         end as last_at
       from bench_pairs p where kind in ('video', 'text')) x`,
    [stretch],
  );

  const { rows: quizPairs } = await conn.query<{ n: string }>(
    "select count(*) as n from bench_pairs where kind = 'quiz'",
  );
  const perPair = Math.max(1, size.quizAttempts / Math.max(1, Number(quizPairs[0]?.n)));
  // Practice quizzes (unlimited attempts): learners retake them, getting better each time.
  await step(
    "quiz attempts (plan)",
    `create unlogged table bench_attempts as
     select p.enrollment_id, p.lesson_id, p.ability, k, gen_random_uuid() as id,
       -- 20 minutes apart, closer when that would run past now
       p.start_at + least(interval '20 minutes', (now() - p.start_at) / (p.n + 1)) * k as submitted_at
     from (select bp.*, greatest(1, 1 + floor(random() * (2 * $1::float8 - 1)))::int as n
       from bench_pairs bp where bp.kind = 'quiz') p
     cross join lateral generate_series(1, p.n) k`,
    [perPair],
  );
  const attempts = await step(
    "quiz attempts (graded)",
    `insert into quiz_attempts (id, enrollment_id, lesson_id, attempt_number, answers, score_points,
       max_points, score_percent, passed, feedback, submitted_at)
     select a.id, a.enrollment_id, a.lesson_id, a.k, s.answers, s.score, s.max_points,
       round(s.score * 10000.0 / s.max_points) / 100, s.score * 100 >= 70 * s.max_points,
       s.feedback, a.submitted_at
     from bench_attempts a
     cross join lateral (
       select jsonb_object_agg(q.question_id,
           case when q.c then q.right_r when random() < 0.65 then q.distractor else q.other_wrong end) as answers,
         jsonb_agg(jsonb_build_object('questionId', q.question_id, 'correct', q.c,
           'pointsAwarded', case when q.c then q.points else 0 end, 'points', q.points,
           'explanation', 'Review the module''s second video.') order by q.position) as feedback,
         sum(case when q.c then q.points else 0 end) as score, sum(q.points) as max_points
       from (select bq.*, random() < least(0.97, bq.ease + 0.5 * (a.ability - 0.5) + 0.1 * (a.k - 1)) as c
         from bench_questions bq where bq.lesson_id = a.lesson_id) q) s`,
  );
  // A passing attempt completes the quiz lesson (submitQuiz → markLessonsCompleted).
  await step(
    "lesson_progress (quizzes passed)",
    `insert into lesson_progress (enrollment_id, lesson_id, position_at, completed_at, updated_at)
     select enrollment_id, lesson_id, min(submitted_at) filter (where passed),
       min(submitted_at) filter (where passed), min(submitted_at) filter (where passed)
     from quiz_attempts where lesson_id in (select lesson_id from bench_lessons where kind = 'quiz')
     group by enrollment_id, lesson_id having bool_or(passed)`,
  );
  await step(
    "completions",
    `update enrollments e set completed_at = c.done
     from (select lp.enrollment_id, max(lp.completed_at) as done
       from lesson_progress lp join bench_lessons bl on bl.lesson_id = lp.lesson_id and not bl.optional
       where lp.completed_at is not null group by lp.enrollment_id
       having count(*) = (select count(*) from bench_lessons where not optional)) c
     where e.id = c.enrollment_id`,
  );
  await step(
    "unenrollments",
    `update enrollments e set unenrolled_at = t.at
     from (select l.enrollment_id,
         greatest(l.enrolled_at, max(lp.updated_at)) + interval '1 day' * random() * 3 as at
       from bench_learners l left join lesson_progress lp on lp.enrollment_id = l.enrollment_id
       where l.leaves group by l.enrollment_id, l.enrolled_at) t
     where e.id = t.enrollment_id and e.completed_at is null and t.at < now()`,
  );
  await conn.query(
    `update courses set enrollment_count = (select count(*) from enrollments
       where course_id = $1 and unenrolled_at is null) where id = $1`,
    [o.courseId],
  );
  // Most completions were certified two minutes later; a few certificates were revoked.
  await step(
    "certificates",
    `insert into certificates (enrollment_id, user_id, course_id, learner_name, course_title,
       issued_at, credential, key_id, revoked_at, revoked_reason, updated_at)
     select e.id, e.user_id, e.course_id, u.name, $2, e.completed_at + interval '90 seconds',
       'bench-placeholder-credential-never-verified', 'bench', r.revoked_at,
       case when r.revoked_at is not null then 'Issued in error (bench)' end,
       coalesce(r.revoked_at, e.completed_at + interval '90 seconds')
     from enrollments e join users u on u.id = e.user_id
     cross join lateral (select case when random() < 0.01
       then e.completed_at + interval '1 day' end as revoked_at) r
     where e.course_id = $1 and e.completed_at is not null
       and e.completed_at + interval '1 day' < now() and random() < 0.95`,
    [o.courseId, o.courseTitle],
  );
  for (const i of indexes) {
    // A partitioned table's index reads back as CREATE INDEX … ON ONLY: that would make the
    // parent's alone, invalid, with no index on any partition.
    await step(`index ${i.name}`, i.def.replace(" ON ONLY ", " ON "));
  }
  await step("analyze", "analyze");
  await conn.query(
    "drop table bench_lessons, bench_questions, bench_learners, bench_pairs, bench_attempts",
  );
  await conn.query("set session_replication_role = origin");
  return { events: eventCount, attempts: attempts.rowCount ?? 0, stretchSeconds: stretch / 10 };
}
