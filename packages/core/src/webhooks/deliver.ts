import {
  type Database,
  WEBHOOK_TEST_EVENT,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "@lumen/db";
import { deliverWebhookJob, type Outbox } from "@lumen/jobs";
import { and, count, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Transaction } from "../kernel";
import { DISABLE_AFTER_FAILURES, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "./schedule";
import type { WebhookResponse, WebhookSender } from "./sender";

export interface DeliverDeps {
  db: Database;
  outbox: Outbox;
  send: WebhookSender;
  /** The clock for the log and the retry schedule (tests move it). */
  now?: () => Date;
  /** Jitter source in [0, 1) (tests pass a constant). */
  random?: () => number;
}

/** A scheduled attempt (its number, 1-based) or a manual one from the log. */
export type DeliverJob =
  | { deliveryId: string; attempt: number }
  | { deliveryId: string; manual: true };

export type DeliverOutcome =
  | { status: "skipped"; reason: string }
  | { status: "succeeded"; statusCode: number }
  | { status: "retrying"; nextAttemptAt: Date; attempt: number }
  | { status: "failed"; endpointDisabled: boolean }
  | { status: "manual-failed" };

type Delivery = typeof webhookDeliveries.$inferSelect;
type Outcome =
  | { ok: true; response: WebhookResponse; error?: undefined }
  | { ok: false; response?: WebhookResponse; error?: string };

/**
 * One attempt of one delivery: claim it, sign and send it, log it, then decide (succeeded;
 * retry later; failed for good, counting against the endpoint, which is turned off after
 * DISABLE_AFTER_FAILURES in a row). The HTTP exchange happens outside any transaction.
 */
export async function deliverWebhook(deps: DeliverDeps, job: DeliverJob): Promise<DeliverOutcome> {
  const now = deps.now ?? (() => new Date());
  const manual = "manual" in job;
  const delivery = manual ? await load(deps.db, job.deliveryId) : await claim(deps.db, job);
  if (!delivery) return { status: "skipped", reason: manual ? "no such delivery" : "not due" };
  const [endpoint] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, delivery.endpointId));
  if (!endpoint) return { status: "skipped", reason: "endpoint deleted" };
  if (!manual && !endpoint.enabled) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: "failed", completedAt: now(), lastError: "The endpoint is turned off." })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "pending")));
    return { status: "skipped", reason: "endpoint disabled" };
  }

  const body = JSON.stringify(delivery.payload);
  // The receiver checks the signed timestamp against its own clock: always the real time.
  const sentAt = new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Lumen-Webhooks/1",
    "webhook-id": delivery.eventId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": new Webhook(endpoint.secret).sign(delivery.eventId, sentAt, body),
  };
  const started = performance.now();
  let outcome: Outcome;
  try {
    const response = await deps.send({ url: endpoint.url, headers, body });
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    outcome = ok ? { ok: true, response } : { ok: false, response };
  } catch (error) {
    outcome = {
      ok: false,
      error: storable(error instanceof Error ? error.message : String(error)),
    };
  }
  const durationMs = Math.round(performance.now() - started);

  return deps.db.transaction(async (tx) => {
    // A manual attempt may finish alongside a scheduled one: number them one at a time.
    await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, delivery.id))
      .for("update");
    const [done] = await tx
      .select({ n: count() })
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, delivery.id));
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      attempt: (done?.n ?? 0) + 1,
      manual,
      statusCode: outcome.response?.statusCode ?? null,
      error: outcome.error ?? null,
      responseExcerpt: outcome.response ? storable(outcome.response.excerpt) : null,
      durationMs,
      attemptedAt: now(),
    });
    const last = {
      lastStatusCode: outcome.response?.statusCode ?? null,
      lastError: outcome.error ?? (outcome.ok ? null : `HTTP ${outcome.response?.statusCode}`),
    };
    if (outcome.ok) {
      await tx
        .update(webhookDeliveries)
        .set({ ...last, status: "succeeded", completedAt: now(), nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, delivery.id));
      await tx
        .update(webhookEndpoints)
        .set({ consecutiveFailures: 0 })
        .where(
          and(
            eq(webhookEndpoints.id, endpoint.id),
            sql`${webhookEndpoints.consecutiveFailures} > 0`,
          ),
        );
      return { status: "succeeded", statusCode: outcome.response.statusCode };
    }
    if (!("attempt" in job)) {
      // A test send has no schedule: its one attempt decides. A real delivery keeps its own.
      const settle = delivery.eventType === WEBHOOK_TEST_EVENT && delivery.status === "pending";
      await tx
        .update(webhookDeliveries)
        .set(settle ? { ...last, status: "failed", completedAt: now() } : last)
        .where(eq(webhookDeliveries.id, delivery.id));
      return { status: "manual-failed" };
    }
    return failScheduled(tx, deps, delivery, job.attempt, last, now);
  });
}

async function failScheduled(
  tx: Transaction,
  deps: DeliverDeps,
  delivery: Delivery,
  attempt: number,
  last: { lastStatusCode: number | null; lastError: string | null },
  now: () => Date,
): Promise<DeliverOutcome> {
  const pending = and(
    eq(webhookDeliveries.id, delivery.id),
    eq(webhookDeliveries.status, "pending"),
  );
  if (attempt < MAX_DELIVERY_ATTEMPTS) {
    const delay = retryDelayMs(attempt, deps.random);
    const nextAttemptAt = new Date(now().getTime() + delay);
    const [still] = await tx
      .update(webhookDeliveries)
      .set({ ...last, nextAttemptAt })
      .where(pending)
      .returning({ id: webhookDeliveries.id });
    // A manual redelivery succeeded meanwhile: nothing left to retry.
    if (!still) return { status: "skipped", reason: "settled meanwhile" };
    await deps.outbox.enqueue(
      tx,
      deliverWebhookJob,
      { deliveryId: delivery.id, attempt: attempt + 1 },
      { startAfter: Math.ceil(delay / 1000) },
    );
    return { status: "retrying", nextAttemptAt, attempt: attempt + 1 };
  }
  const [settled] = await tx
    .update(webhookDeliveries)
    .set({ ...last, status: "failed", completedAt: now(), nextAttemptAt: null })
    .where(pending)
    .returning({ id: webhookDeliveries.id });
  if (!settled) return { status: "skipped", reason: "settled meanwhile" };
  const failures = sql`${webhookEndpoints.consecutiveFailures} + 1`;
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({
      consecutiveFailures: failures,
      enabled: sql`${webhookEndpoints.enabled} and ${failures} < ${DISABLE_AFTER_FAILURES}`,
      disabledReason: sql`case when ${webhookEndpoints.enabled} and ${failures} >= ${DISABLE_AFTER_FAILURES}
        then ${`Turned off after ${DISABLE_AFTER_FAILURES} deliveries in a row failed.`}
        else ${webhookEndpoints.disabledReason} end`,
      updatedAt: now(),
    })
    .where(eq(webhookEndpoints.id, delivery.endpointId))
    .returning({ enabled: webhookEndpoints.enabled });
  return { status: "failed", endpointDisabled: endpoint ? !endpoint.enabled : false };
}

/**
 * Claims scheduled attempt `attempt`: only while the delivery is pending and the previous
 * attempt is its latest, so a duplicate job sends nothing. A job whose runner died after
 * claiming (counter moved, no attempt logged) may claim it again on pg-boss's retry.
 */
async function claim(db: Database, job: { deliveryId: string; attempt: number }) {
  const d = webhookDeliveries;
  // Spelled out: drizzle leaves a column of the outer table unqualified in a subquery.
  const logged = sql`(select count(*) from webhook_attempts a
    where a.delivery_id = webhook_deliveries.id and not a.manual)`;
  const [row] = await db
    .update(d)
    .set({ attempts: job.attempt, nextAttemptAt: null })
    .where(
      and(
        eq(d.id, job.deliveryId),
        eq(d.status, "pending"),
        sql`(${d.attempts} = ${job.attempt - 1} or (${d.attempts} = ${job.attempt} and ${logged} < ${job.attempt}))`,
      ),
    )
    .returning();
  return row;
}

async function load(db: Database, deliveryId: string) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, deliveryId));
  return row;
}

/** Postgres text holds no NUL; a receiver's answer may. */
function storable(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD");
}
