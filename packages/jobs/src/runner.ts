import { databaseFailureOf } from "@lumen/db";
import type { PgBoss } from "pg-boss";
import type { JobHandler } from "./define";
import { ensureQueue } from "./queue";

export interface RunnerLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface JobRunner {
  /** Stops fetching, lets in-flight jobs finish (up to `timeoutMs`), then closes the queue. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts pg-boss and one worker per handler. Jobs are claimed with SKIP LOCKED, so any
 * number of runner processes can share the queues and each job is done once per attempt.
 */
export async function startJobRunner({
  queue,
  handlers,
  logger,
  concurrency = 2,
  pollingIntervalSeconds = 1,
}: {
  queue: PgBoss;
  handlers: readonly JobHandler[];
  logger: RunnerLogger;
  concurrency?: number;
  pollingIntervalSeconds?: number;
}): Promise<JobRunner> {
  queue.on("error", (error) => logger.error("job queue error", { err: error }));
  await queue.start();
  for (const { job } of handlers) {
    await ensureQueue(queue, job);
    if (job.cron) await queue.schedule(job.name, job.cron, {}, { tz: "UTC" });
  }
  for (const { job, handle, concurrency: own } of handlers) {
    await queue.work(
      job.name,
      {
        localConcurrency: own ?? concurrency,
        pollingIntervalSeconds,
        // A notify queue still polls as often: NOTIFY wakes a worker for a new job, not for a
        // retry coming due (pg-boss's default backstop would leave that up to 30 s).
        notifyPollingIntervalSeconds: pollingIntervalSeconds,
        // retryLimit comes with the job: the queue's policy when it was sent is what counts.
        includeMetadata: true,
      },
      async ([raw]) => {
        if (!raw) return;
        const started = performance.now();
        const fields = { job: job.name, jobId: raw.id, attempt: raw.retryCount };
        const context = {
          jobId: raw.id,
          attempt: raw.retryCount,
          finalAttempt: raw.retryCount >= raw.retryLimit,
          maxAttempts: raw.retryLimit + 1,
          signal: raw.signal,
        };
        logger.info("job started", fields);
        try {
          await handle(job.payload.parse(raw.data), context);
          logger.info("job done", { ...fields, ms: Math.round(performance.now() - started) });
        } catch (error) {
          logger.error("job failed", { ...fields, err: error });
          throw storableError(error);
        }
      },
    );
  }
  logger.info("job runner started", {
    queues: Object.fromEntries(handlers.map((h) => [h.job.name, h.concurrency ?? concurrency])),
  });
  return {
    stop: (timeoutMs = 30_000) => queue.stop({ graceful: true, timeout: timeoutMs, close: true }),
  };
}

/**
 * pg-boss stores what a handler throws (every enumerable field, causes included) as the job's
 * output. A failed statement carries its parameter values (drizzle's message and `params`),
 * so it is stored as its SQLSTATE and place only; the log has the rest.
 */
function storableError(error: unknown): unknown {
  const failure = databaseFailureOf(error);
  if (!failure) return error;
  return Object.assign(new Error(`database statement failed (SQLSTATE ${failure.code})`), {
    database: failure,
  });
}
