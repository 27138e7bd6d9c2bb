/**
 * Course forums at scale: `pnpm bench forum [options]`
 *   --threads N      threads in the course (default 10000)
 *   --replies N      replies in the big thread (default 1000)
 *   --followers N    enrolled learners, all following the big thread (default 1000)
 *   --iterations N   timed calls per read measurement (default 200)
 *   --posts N        timed replies posted to ordinary threads (default 100)
 *   --fanouts N      timed replies posted to the big thread (default 5)
 *   --seed N         seeds the generated forum (default 7)
 *   --pglite         in-process PGlite instead of Postgres (not what the targets mean)
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL; a fresh database, dropped after).
 *
 * Times the domain services (what a tRPC call runs, without HTTP) against ADR 0019's targets:
 * the thread list's first page for each sort (new, active, top, unanswered) and a page deep in
 * "new"; the big thread's first and last page of replies; forum search (one-word, two-word,
 * phrase and exclusion queries); posting a reply (to threads with a few followers); and the
 * fan-out: one reply to the thread every learner follows, from the call to the commit of the
 * notifications for all followers, checked by counting them. Reads p95 ≤ 30 ms; fan-out ≤ 2 s.
 * The push to connected browsers (SSE) is the live delivery's part and is not timed here.
 */
import {
  listReplies,
  listThreads,
  postReply,
  searchThreads,
  type ThreadSort,
} from "@lumen/core/forum";
import { notifications } from "@lumen/db";
import { count, eq, sql } from "drizzle-orm";
import { buildForum } from "./forum/setup";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { printTable, summarize } from "./lib/stats";

const { values } = benchArgs({
  options: {
    threads: { type: "string", default: "10000" },
    replies: { type: "string", default: "1000" },
    followers: { type: "string", default: "1000" },
    iterations: { type: "string", default: "200" },
    posts: { type: "string", default: "100" },
    fanouts: { type: "string", default: "5" },
    seed: { type: "string", default: "7" },
    pglite: { type: "boolean", default: false },
  },
});
const iterations = Number(values.iterations);

async function time(n: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, n); i += 1) await call(i); // warm-up: plans, caches
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

const database = await benchDatabase({ pglite: values.pglite });
const db = database.client.db;
try {
  const began = performance.now();
  const forum = await buildForum(db, {
    learners: Number(values.followers),
    threads: Number(values.threads),
    replies: Number(values.replies),
    seed: Number(values.seed),
  });
  const { course, instructor, people, bigThreadId } = forum;
  console.log(
    `database: ${database.engine}; ${values.threads} threads, a thread of ${values.replies} replies, ` +
      `${values.followers} followers; built in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  const viewer = people[1] ?? instructor;
  const rows: Array<Record<string, string | number>> = [];
  const record = (name: string, s: ReturnType<typeof summarize>, target: string) =>
    rows.push({ measurement: name, n: s.n, "p50 ms": s.p50, "p95 ms": s.p95, target });

  for (const sort of ["new", "active", "top", "unanswered"] as ThreadSort[]) {
    const s = await time(iterations, () =>
      listThreads({ db, user: viewer, input: { courseId: course.id, sort, limit: 20 } }),
    );
    record(`thread list, ${sort}, first page`, s, "p95 ≤ 30");
  }
  let cursor: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const next: Awaited<ReturnType<typeof listThreads>> = await listThreads({
      db,
      user: viewer,
      input: { courseId: course.id, sort: "new", limit: 20, cursor },
    });
    cursor = next.nextCursor;
  }
  record(
    "thread list, new, page 51",
    await time(iterations, () =>
      listThreads({
        db,
        user: viewer,
        input: { courseId: course.id, sort: "new", limit: 20, cursor },
      }),
    ),
    "p95 ≤ 30",
  );
  record(
    "big thread, first page (50)",
    await time(iterations, () =>
      listReplies({ db, user: viewer, input: { threadId: bigThreadId, limit: 50 } }),
    ),
    "p95 ≤ 30",
  );
  const [last] = await db
    .execute<{ id: string }>(sql`select id from forum_replies
    where thread_id = ${bigThreadId} order by root_seq desc, seq desc offset 50 limit 1`)
    .then((r) => r.rows);
  record(
    "big thread, last page",
    await time(iterations, () =>
      listReplies({
        db,
        user: viewer,
        input: { threadId: bigThreadId, limit: 50, cursor: last?.id },
      }),
    ),
    "p95 ≤ 30",
  );
  const queries: Array<[string, string]> = [
    ["a word in nearly every thread", "python"],
    ["one rarer word", "guitar"],
    ["two words", "loop error"],
    ["prefix", "decor"],
    ["phrase", '"list index"'],
    ["exclusion", "pandas -numpy"],
  ];
  for (const [kind, query] of queries) {
    record(
      `search, ${kind} (${query})`,
      await time(Math.ceil(iterations / 2), () =>
        searchThreads({ db, user: viewer, input: { courseId: course.id, query, limit: 20 } }),
      ),
      "p95 ≤ 30",
    );
  }

  // Posting: each reply by a different learner (the abuse limit is 6 a minute per person) to
  // a thread from the middle of the list, so its followers are its author and repliers.
  const page = await listThreads({
    db,
    user: viewer,
    input: { courseId: course.id, sort: "top", limit: 50 },
  });
  const targets = page.items.filter((t) => !t.pinned && !t.deleted);
  const posts = Number(values.posts);
  record(
    "post a reply",
    await time(posts, (i) =>
      postReply({
        db,
        user: people[(i + 10) % people.length] ?? viewer,
        input: {
          threadId: targets[i % targets.length]?.id ?? bigThreadId,
          body: `${forum.words(12)} #${i}`,
        },
      }),
    ),
    "—",
  );

  const fanouts: number[] = [];
  let delivered = 0;
  for (let i = 0; i < Number(values.fanouts); i += 1) {
    const replier = people[people.length - 1 - i] ?? viewer;
    const started = performance.now();
    const { replyId } = await postReply({
      db,
      user: replier,
      input: { threadId: bigThreadId, body: `Fan-out reply ${i}: ${forum.words(10)}` },
    });
    fanouts.push(performance.now() - started);
    const [n] = await db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.dedupeKey, `forum-reply:${replyId}`));
    delivered = Number(n?.n);
  }
  const fan = summarize(fanouts);
  rows.push({
    measurement: `fan-out: 1 reply → ${delivered} notifications written`,
    n: fan.n,
    "p50 ms": fan.p50,
    "p95 ms": Math.max(...fanouts),
    target: "≤ 2000",
  });
  printTable(
    `pnpm bench forum — ${database.engine} (service level; p95 of the fan-out is its max)`,
    rows,
  );
  if (delivered !== people.length - 1) {
    console.error(
      `expected ${people.length - 1} notifications per fan-out reply, got ${delivered}`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.dispose();
}
