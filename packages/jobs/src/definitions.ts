import type { QueueOptions } from "pg-boss";
import { z } from "zod";
import { DEFAULT_QUEUE_OPTIONS, defineJob, type JobDefinition } from "./define";

/**
 * Every job kind the platform has. Queues are created from this list by producers and by
 * the runner alike, so a job sent while no runner is up is kept until one starts.
 *
 * `notify: true` marks work somebody is waiting on (a video to play, a certificate, a course
 * in the catalog, a mail, an export): its insert sends a NOTIFY when the transaction commits,
 * and listening runners start it at once instead of at their next poll (up to 1 s later, per
 * hop of a pipeline). Polling stays as the floor; background work (digests, rollups, cleanup)
 * keeps to it.
 */
const WAITED_ON = { notify: true } as const;

/** Bring one course's search document in line with Postgres (index, update or remove). */
export const indexCourseJob = defineJob({
  name: "search.index-course",
  payload: z.object({ courseId: z.uuid() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, ...WAITED_ON },
});

/**
 * Make the edge forget cached catalog pages. Enqueued by the index handler once the search
 * index reflects the change, so the edge never re-caches results from before it.
 */
export const purgeCatalogJob = defineJob({
  name: "catalog.purge-edge",
  payload: z.object({ courseId: z.uuid(), slug: z.string().min(1).optional() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 10, ...WAITED_ON },
});

/**
 * Transcoding is two kinds of job so the first rendition is playable early and the ladder
 * spreads over runners. Heartbeats (pg-boss refreshes them while the handler runs) let a
 * runner killed mid-encode hand its job to another within seconds rather than at expiry.
 */
const TRANSCODE_QUEUE_OPTIONS: QueueOptions = {
  ...DEFAULT_QUEUE_OPTIONS,
  retryLimit: 3,
  retryDelay: 5,
  heartbeatSeconds: 10,
  expireInSeconds: 60 * 60,
  // An instructor waits for the upload to play: upload → probe → first rung are two hops.
  ...WAITED_ON,
};

/**
 * Check an uploaded source (magic bytes, then ffprobe), plan the rendition ladder, render
 * the poster, then enqueue the encode jobs. Invalid media ends the asset in `failed`.
 */
export const probeVideoJob = defineJob({
  name: "video.probe",
  payload: z.object({ assetId: z.uuid() }),
  queue: TRANSCODE_QUEUE_OPTIONS,
});

/**
 * Encode a group of renditions from one decode of the source, publish them under a fresh
 * path and rewrite the master playlist. The lowest rendition is its own, higher-priority job.
 */
export const encodeVideoJob = defineJob({
  name: "video.encode",
  payload: z.object({
    assetId: z.uuid(),
    renditions: z
      .array(z.string().regex(/^[0-9]{3,4}p$/))
      .min(1)
      .max(4),
  }),
  queue: TRANSCODE_QUEUE_OPTIONS,
});

/**
 * Issue the certificate of an enrollment that reached 100 % with every required quiz passed.
 * Enqueued by whatever completed the last lesson, in that transaction; the handler re-checks
 * eligibility and the one-per-enrollment constraint, so racing completions issue one.
 */
export const issueCertificateJob = defineJob({
  name: "certificates.issue",
  payload: z.object({ enrollmentId: z.uuid() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 10, ...WAITED_ON },
});

/**
 * Send a certificate's current state (credential, revocation) to the edge's KV, so employers
 * verify it without the origin. Enqueued on issue and on revocation.
 */
export const publishCertificateJob = defineJob({
  name: "certificates.publish",
  payload: z.object({ certificateId: z.uuid() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 20, ...WAITED_ON },
});

/**
 * Grade one exercise submission (a learner's attempt, a run of the samples, or an editor's
 * check of the reference solution) in the gVisor sandbox. A queue of its own, served with its
 * own bounded concurrency and only by runners whose sandbox works: grading never starves
 * transcoding or certificates, and code never runs unsandboxed. Heartbeats hand the job of a
 * killed grader to another within seconds; the submission row makes the retry grade it once.
 */
export const gradeSubmissionJob = defineJob({
  name: "exercises.grade",
  payload: z.object({ submissionId: z.uuid() }),
  queue: {
    ...DEFAULT_QUEUE_OPTIONS,
    retryLimit: 4,
    retryDelay: 1,
    heartbeatSeconds: 10,
    expireInSeconds: 10 * 60,
    // A learner is waiting for the verdict.
    ...WAITED_ON,
  },
});

/**
 * Close the review window of one assignment submission: graded from the reviews it has, or
 * handed to staff (the assignment's policy). Enqueued at submit to start at the submission's
 * deadline; a handler that finds the deadline moved later enqueues itself again for then.
 */
export const closeReviewJob = defineJob({
  name: "assignments.close-review",
  payload: z.object({ submissionId: z.uuid() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 10 },
});

/**
 * Send the email outbox's due rows (instant notification emails, queued digests). The rows
 * are the outbox, written with each notification; this job is their relay, every minute, and
 * may also be enqueued to send sooner. Sending is at most once per row (core/email).
 */
export const sendEmailsJob = defineJob({
  name: "email.send",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 3, expireInSeconds: 10 * 60, ...WAITED_ON },
  cron: "* * * * *",
});

/**
 * Queue the daily digests whose local day has ended. Every 15 minutes, so every zone offset
 * (:30 and :45 ones too) is served soon after its midnight; the unique day row makes repeats
 * harmless.
 */
export const queueDigestsJob = defineJob({
  name: "email.queue-digests",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 3 },
  cron: "*/15 * * * *",
});

/**
 * Bring the instructor dashboard's rollups up to date (ADR 0024). Every minute, and sooner
 * when the API's progress and quiz writes ask (at most every ~10 s per process). Stately: at
 * most one run queued and one active, so requests never pile up behind a slow run; each run
 * goes on to the horizon it read, so one queued run covers every request made meanwhile.
 */
export const analyticsRollupJob = defineJob({
  name: "analytics.rollup",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, policy: "stately", retryLimit: 3, expireInSeconds: 15 * 60 },
  cron: "* * * * *",
});

/** One webhook event as the fan-out job carries it (the body's data is already snake_case). */
export const webhookEventPayload = z.object({
  /** "evt_…": the Standard Webhooks message id, the same for every endpoint and attempt. */
  eventId: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  /** ISO 8601, when it happened (the body's `timestamp`). */
  timestamp: z.iso.datetime({ offset: true }),
  /** Whose event it is: their own endpoints receive it. */
  userId: z.string().min(1),
  /** The course it is about: that course's endpoints receive it. */
  courseId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
});

/**
 * Turn webhook events into deliveries: one row per (subscribed, enabled endpoint, event),
 * unique, so a repeated job inserts nothing twice, and a webhooks.deliver job per new row.
 * Enqueued in the transaction that made the events happen; one job carries a whole batch.
 */
export const webhookFanOutJob = defineJob({
  name: "webhooks.fan-out",
  payload: z.object({ events: z.array(webhookEventPayload).min(1).max(5_000) }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 10 },
});

/**
 * Send one delivery to its endpoint (signed, SSRF-guarded). `attempt` is the scheduled
 * attempt's number (1 = first), claimed once, so a duplicate job sends nothing; failures are
 * retried by the handler enqueueing the next attempt with a backoff (not by pg-boss, whose
 * own retries only cover a crashed handler). `manual`: a redelivery or test send from the log,
 * now, outside the schedule.
 */
export const deliverWebhookJob = defineJob({
  name: "webhooks.deliver",
  payload: z.union([
    z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(1).max(100) }),
    z.object({ deliveryId: z.uuid(), manual: z.literal(true) }),
  ]),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 3, expireInSeconds: 5 * 60 },
});

/**
 * Delete the public API's stored Idempotency-Key responses past their 24 h, in bounded
 * batches. Hourly: an expired row is already treated as absent, so this only reclaims space.
 */
export const expireIdempotencyKeysJob = defineJob({
  name: "idempotency.expire",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, policy: "stately", retryLimit: 3 },
  cron: "0 * * * *",
});

/**
 * The progress event log's monthly partitions (ADR 0029): create the coming months', drop
 * those older than PROGRESS_EVENTS_RETENTION_MONTHS once the dashboard rollup has applied
 * them. Daily; a month the rollup has not passed yet is dropped by a later run.
 */
export const progressPartitionsJob = defineJob({
  name: "progress.partitions",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, policy: "stately", retryLimit: 3 },
  cron: "17 3 * * *",
});

/**
 * Assemble a user's data export (a ZIP of every registered area and their files) into media
 * storage, then tell them it is ready. Re-running is harmless: the archive is rewritten whole.
 */
export const privacyExportJob = defineJob({
  name: "privacy.export",
  payload: z.object({ exportId: z.uuid() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 3, expireInSeconds: 30 * 60, ...WAITED_ON },
});

/** Mark exports past their 7 days expired and delete their archives. Hourly. */
export const expireDataExportsJob = defineJob({
  name: "privacy.expire-exports",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, policy: "stately", retryLimit: 3 },
  cron: "30 * * * *",
});

/**
 * Run one account retirement past its grace period (ADR 0027): ordered, idempotent steps with
 * the state saved after each, so a retry or a second runner resumes where it stopped.
 */
export const retireAccountJob = defineJob({
  name: "privacy.retire",
  payload: z.object({ retirementId: z.uuid() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 5, expireInSeconds: 30 * 60 },
});

/** Enqueue retirements whose grace period ended, and running ones that stalled. Every 15 min. */
export const retireDueAccountsJob = defineJob({
  name: "privacy.retire-due",
  payload: z.object({}).strip().nullish(),
  queue: { ...DEFAULT_QUEUE_OPTIONS, policy: "stately", retryLimit: 3 },
  cron: "*/15 * * * *",
});

export const JOB_DEFINITIONS: readonly JobDefinition[] = [
  issueCertificateJob,
  publishCertificateJob,
  indexCourseJob,
  purgeCatalogJob,
  probeVideoJob,
  encodeVideoJob,
  gradeSubmissionJob,
  closeReviewJob,
  sendEmailsJob,
  queueDigestsJob,
  analyticsRollupJob,
  webhookFanOutJob,
  deliverWebhookJob,
  expireIdempotencyKeysJob,
  progressPartitionsJob,
  privacyExportJob,
  expireDataExportsJob,
  retireAccountJob,
  retireDueAccountsJob,
];
