import pg from "pg";

/**
 * `count` new events, set-based, from the course's learners re-watching the start of what they
 * had watched (inside their coverage, so lesson_progress stays the union of their events),
 * received over the last hour. Returns how many were appended.
 */
export async function appendEvents(url: string, courseId: string, count: number) {
  const conn = new pg.Client({ connectionString: url });
  await conn.connect();
  try {
    const started = performance.now();
    const { rowCount } = await conn.query(
      `insert into progress_events (event_id, enrollment_id, lesson_id, watched, position_seconds,
         completed, occurred_at, received_at)
       select gen_random_uuid(), lp.enrollment_id, lp.lesson_id,
         int4multirange(int4range(lower(r) + k * 150, least(upper(r), lower(r) + (k + 1) * 150))),
         least(upper(r), lower(r) + (k + 1) * 150) / 10.0, false, at - interval '1 second', at
       from (select lp.* from lesson_progress lp
           join lessons l on l.id = lp.lesson_id and l.kind = 'video'
           join modules m on m.id = l.module_id and m.course_id = $1
           where not isempty(lp.coverage) order by random() limit $2) lp
       cross join lateral (select r from unnest(lp.coverage) r limit 1) first
       cross join lateral generate_series(0, 4) k
       cross join lateral (select now() - interval '1 hour' * random() as at) t
       where lower(r) + k * 150 < upper(r)`,
      [courseId, Math.ceil(count / 5)],
    );
    console.log(
      `appended ${rowCount} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return rowCount ?? 0;
  } finally {
    await conn.end();
  }
}
