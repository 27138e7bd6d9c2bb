/**
 * Course forums at scale: `pnpm bench forum [options]`
 *   --threads N      threads in the course (default 10000)
 *   --replies N      replies in the big thread (default 1000)
 *   --followers N    enrolled learners, all following the big thread (default 1000)
 *   --iterations N   timed calls per read measurement (default 200)
 *   --posts N        timed replies posted to ordinary threads (default 100)
 *   --fanouts N      timed replies posted to the big thread (default 5)
 *   --sse-clients N  followers connected over SSE (live.notifications) during the fan-outs
 *                    (default 200; 0 skips the push)
 *   --seed N         seeds the generated forum (default 7)
 *   --pglite         in-process PGlite instead of Postgres (not what the targets mean)
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL; a fresh database, dropped after).
 *
 * Times the domain services (what a tRPC call runs, without HTTP) against ADR 0019's targets:
 * the thread list's first page for each sort (new, active, top, unanswered) and a page deep in
 * "new"; the big thread's first and last page of replies; forum search (one-word, two-word,
 * phrase and exclusion queries); posting a reply (to threads with a few followers); and the
 * fan-out: one reply to the thread every learner follows, from the call to the commit of the
 * notifications for all followers, checked by counting them; and from the call until each of
 * the --sse-clients followers connected to live.notifications (real router, LISTEN hub and SSE
 * over loopback sockets, bench/lib/sse-clients.ts) has its notification pushed.
 * Reads p95 ≤ 30 ms; fan-out ≤ 2 s.
 *
 * Each read is timed again as its floor (the limit in bench/lib/report.ts's table): the
 * statements the service call sent, recorded once and replayed straight through the driver
 * with no application code (all at once over a pool of 10 on Postgres; bench/lib/raw-sql.ts).
 * Posting and the fan-out are writes: they are reported against their targets only.
 */
import {
  listReplies,
  listThreads,
  postReply,
  searchThreads,
  type ThreadSort,
} from "@lumen/core/forum";
import { type Database, notifications } from "@lumen/db";
import { count, eq, sql } from "drizzle-orm";
import { buildForum } from "./forum/setup";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { describeStatements, rawSql } from "./lib/raw-sql";
import { type BenchFigure, reportFigures } from "./lib/report";
import { connectSseClients, startLiveServer } from "./lib/sse-clients";
import { printTable, summarize } from "./lib/stats";

const { values } = benchArgs({
  options: {
    threads: { type: "string", default: "10000" },
    replies: { type: "string", default: "1000" },
    followers: { type: "string", default: "1000" },
    iterations: { type: "string", default: "200" },
    posts: { type: "string", default: "100" },
    fanouts: { type: "string", default: "5" },
    "sse-clients": { type: "string", default: "200" },
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
const raw = rawSql(database.client);
const figures: BenchFigure[] = [];
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
  /** A read through its service, then its floor: the statements it sent, replayed raw. */
  const timeRead = async (name: string, n: number, read: (db: Database) => Promise<unknown>) => {
    const service = await time(n, () => read(db));
    const statements = await raw.record(read);
    if (process.env.BENCH_VERBOSE) console.log(`${name}:\n${describeStatements(statements)}`);
    const floor = await time(n, () => raw.replay(statements));
    rows.push({
      measurement: name,
      n: service.n,
      "p50 ms": service.p50,
      "p95 ms": service.p95,
      "raw p50 ms": floor.p50,
      "raw p95 ms": floor.p95,
      target: "p95 ≤ 30",
    });
    figures.push({
      metric: `p95 ${name}`,
      figure: service.p95,
      unit: "ms",
      better: "lower",
      limit: { value: floor.p95, what: `its ${statements.length} statements, raw` },
      target: 30,
    });
  };

  for (const sort of ["new", "active", "top", "unanswered"] as ThreadSort[]) {
    await timeRead(`thread list, ${sort}, first page`, iterations, (db) =>
      listThreads({ db, user: viewer, input: { courseId: course.id, sort, limit: 20 } }),
    );
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
  await timeRead("thread list, new, page 51", iterations, (db) =>
    listThreads({
      db,
      user: viewer,
      input: { courseId: course.id, sort: "new", limit: 20, cursor },
    }),
  );
  await timeRead("big thread, first page (50)", iterations, (db) =>
    listReplies({ db, user: viewer, input: { threadId: bigThreadId, limit: 50 } }),
  );
  const [last] = await db
    .execute<{ id: string }>(sql`select id from forum_replies
    where thread_id = ${bigThreadId} order by root_seq desc, seq desc offset 50 limit 1`)
    .then((r) => r.rows);
  await timeRead("big thread, last page", iterations, (db) =>
    listReplies({
      db,
      user: viewer,
      input: { threadId: bigThreadId, limit: 50, cursor: last?.id },
    }),
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
    await timeRead(`search, ${kind} (${query})`, Math.ceil(iterations / 2), (db) =>
      searchThreads({ db, user: viewer, input: { courseId: course.id, query, limit: 20 } }),
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
  const pushes: number[] = [];
  let delivered = 0;
  // Followers other than the repliers (taken from the end) watch their bell over SSE.
  const watchers = people.slice(1, 1 + Number(values["sse-clients"]));
  const live = watchers.length > 0 ? await startLiveServer(database.client, people) : null;
  const clients = live ? await connectSseClients(live.url, watchers, "live.notifications") : null;
  for (let i = 0; i < Number(values.fanouts); i += 1) {
    const replier = people[people.length - 1 - i] ?? viewer;
    const started = performance.now();
    const { replyId } = await postReply({
      db,
      user: replier,
      input: { threadId: bigThreadId, body: `Fan-out reply ${i}: ${forum.words(10)}` },
    });
    fanouts.push(performance.now() - started);
    if (clients) {
      await clients.allReceived(i + 1);
      pushes.push(performance.now() - started);
    }
    const [n] = await db
      .select({ n: count() })
      .from(notifications)
      .where(eq(notifications.dedupeKey, `forum-reply:${replyId}`));
    delivered = Number(n?.n);
  }
  clients?.close();
  await live?.close();
  const fan = summarize(fanouts);
  const posted = rows.find((r) => r.measurement === "post a reply");
  if (typeof posted?.["p95 ms"] === "number") {
    figures.push({
      metric: "p95 post a reply",
      figure: posted["p95 ms"],
      unit: "ms",
      better: "lower",
    });
  }
  figures.push({
    metric: `fan-out: 1 reply → ${delivered} notifications written (max of ${fan.n})`,
    figure: Math.max(...fanouts),
    unit: "ms",
    better: "lower",
    target: 2000,
  });
  if (pushes.length > 0) {
    figures.push({
      metric: `fan-out: … and pushed to ${watchers.length} SSE clients (max)`,
      figure: Math.max(...pushes),
      unit: "ms",
      better: "lower",
      target: 2000,
    });
  }
  rows.push({
    measurement: `fan-out: 1 reply → ${delivered} notifications written`,
    n: fan.n,
    "p50 ms": fan.p50,
    "p95 ms": Math.max(...fanouts),
    target: "≤ 2000",
  });
  if (pushes.length > 0) {
    const push = summarize(pushes);
    rows.push({
      measurement: `fan-out: … and pushed to ${watchers.length} SSE clients`,
      n: push.n,
      "p50 ms": push.p50,
      "p95 ms": Math.max(...pushes),
      target: "≤ 2000",
    });
  }
  printTable(
    `pnpm bench forum — ${database.engine} (service level; p95 of the fan-out is its max)`,
    rows,
  );
  reportFigures("forum", `Course forums, ${values.threads} threads (${database.engine})`, figures);
  if (delivered !== people.length - 1) {
    console.error(
      `expected ${people.length - 1} notifications per fan-out reply, got ${delivered}`,
    );
    process.exitCode = 1;
  }
} finally {
  await raw.close();
  await database.dispose();
}
