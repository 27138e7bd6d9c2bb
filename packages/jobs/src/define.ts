import type { Queue, QueueOptions } from "pg-boss";
import type { z } from "zod";

/**
 * A kind of background work: its queue name, the payload it carries (parsed again by the
 * worker, since a payload is untrusted once it has sat in a table) and its retry policy.
 */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  /** What createQueue takes: retry policy, heartbeats, and whether inserts NOTIFY. */
  queue: Omit<Queue, "name">;
  /**
   * A cron expression (UTC) for work that runs on a clock, not on an event: the runner
   * registers the schedule (pg-boss sends one job per tick across all runners).
   */
  cron?: string;
}

export function defineJob<P extends z.ZodType>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** Defaults for every queue: a few retries with exponential backoff, capped at 5 minutes. */
export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  retryLimit: 5,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 15 * 60,
};

export interface JobContext {
  jobId: string;
  /** 0 on the first attempt; handlers must be idempotent because any attempt may repeat. */
  attempt: number;
  /**
   * No retry follows if this attempt fails: the last chance to record a terminal state. The
   * runner always sets it; absent (a handler called directly) means "not the last".
   */
  finalAttempt?: boolean;
  /** How many attempts the job gets in all (its retry limit + 1); the runner always sets it. */
  maxAttempts?: number;
  signal: AbortSignal;
}

export interface JobHandler<P extends z.ZodType = z.ZodType> {
  job: JobDefinition<P>;
  handle(payload: z.output<P>, context: JobContext): Promise<void>;
  /** Jobs of this kind one runner process runs at once; the runner's default when unset. */
  concurrency?: number;
}

export function handleJob<P extends z.ZodType>(
  job: JobDefinition<P>,
  handle: JobHandler<P>["handle"],
  options: { concurrency?: number } = {},
): JobHandler<P> {
  return { job, handle, ...options };
}
