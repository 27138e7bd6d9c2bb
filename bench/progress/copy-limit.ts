import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { BenchLearner } from "./world";

/**
 * The write limit of `pnpm bench progress`: `count` events of the shape the ingest stores
 * (the same columns, enrollments and lessons, one claimed second each) COPYed straight into
 * progress_events from one connection, in one transaction with one commit: no HTTP, no
 * session, no coverage, no checks beyond the table's own (its keys, indexes and foreign key).
 * The rows are rendered before the clock starts, so the figure is Postgres's, not the
 * bench's. Returns events/s.
 */
export async function copyLimit(databaseUrl: string, learners: BenchLearner[], count: number) {
  const chunks: string[] = [];
  const at = new Date().toISOString();
  let lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const learner = learners[i % learners.length];
    const lesson = learner?.lessons[i % learner.lessons.length];
    if (!learner || !lesson) throw new Error("copy limit needs learners with lessons");
    const second = i % 300;
    const watched = lesson.kind === "video" ? `{[${second * 10},${second * 10 + 10})}` : "{}";
    lines.push(
      `${randomUUID()}\t${learner.enrollmentId}\t${lesson.id}\t${watched}\t${second + 1}\tf\t${at}\n`,
    );
    if (lines.length === 5_000) {
      chunks.push(lines.join(""));
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(lines.join(""));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("begin");
    await pipeline(
      Readable.from(chunks),
      client.query(
        copyFrom(
          "copy progress_events (event_id, enrollment_id, lesson_id, watched, position_seconds, " +
            "completed, occurred_at) from stdin",
        ),
      ),
    );
    await client.query("commit");
    const seconds = (performance.now() - started) / 1000;
    return { eventsPerSecond: count / seconds, seconds, count };
  } finally {
    await client.end();
  }
}
