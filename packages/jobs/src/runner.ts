import type { PgBoss } from "pg-boss";
import type { JobHandler } from "./define";

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
  for (const { job } of handlers) await queue.createQueue(job.name, job.queue);
  for (const { job, handle } of handlers) {
    await queue.work(
      job.name,
      { localConcurrency: concurrency, pollingIntervalSeconds },
      async ([raw]) => {
        if (!raw) return;
        const started = performance.now();
        const context = { jobId: raw.id, attempt: raw.retryCount, signal: raw.signal };
        try {
          await handle(job.payload.parse(raw.data), context);
          logger.info("job done", {
            job: job.name,
            ...context,
            signal: undefined,
            ms: Math.round(performance.now() - started),
          });
        } catch (error) {
          logger.error("job failed", {
            job: job.name,
            jobId: raw.id,
            attempt: raw.retryCount,
            err: error,
          });
          throw error;
        }
      },
    );
  }
  logger.info("job runner started", { queues: handlers.map((h) => h.job.name) });
  return {
    stop: (timeoutMs = 30_000) => queue.stop({ graceful: true, timeout: timeoutMs, close: true }),
  };
}
