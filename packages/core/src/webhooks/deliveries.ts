import { type Database, webhookAttempts, webhookDeliveries } from "@lumen/db";
import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import { NotFoundError, type SessionUser, ValidationError } from "../kernel";
import { loadEndpoint } from "./access";
import type { WebhookDeliveriesInput } from "./inputs";
import type { WebhookAttemptView, WebhookDeliveryPage } from "./types";

const PAGE_SIZE = 25;
const DELIVERY_NOT_FOUND = "We couldn't find that delivery.";

/** Opaque to clients: the last row's (createdAt, id), newest first. */
function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new ValidationError("That page of deliveries does not exist.", {
      cursor: ["Invalid cursor."],
    });
  }
  return { createdAt, id };
}

/** An endpoint's delivery log, newest first, a page at a time. */
export async function listWebhookDeliveries({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: WebhookDeliveriesInput;
}): Promise<WebhookDeliveryPage> {
  const endpoint = await loadEndpoint(db, user, input.endpointId);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const d = webhookDeliveries;
  const rows = await db
    .select({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      // Spelled out: drizzle leaves a column of the outer table unqualified in a subquery.
      attempts: sql<number>`(select count(*)::int from webhook_attempts a
        where a.delivery_id = webhook_deliveries.id)`,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt,
      completedAt: d.completedAt,
      nextAttemptAt: d.nextAttemptAt,
    })
    .from(d)
    .where(
      and(
        eq(d.endpointId, endpoint.id),
        after
          ? or(
              lt(d.createdAt, after.createdAt),
              and(eq(d.createdAt, after.createdAt), lt(d.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** Loads a delivery the user may see, with its endpoint (same rule as the endpoint's log). */
export async function loadDelivery(
  db: Database,
  user: SessionUser,
  deliveryId: string,
  { manage = false } = {},
) {
  const [delivery] = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!delivery) {
    throw new NotFoundError(DELIVERY_NOT_FOUND);
  }
  // Someone else's delivery reads exactly like an unknown one: ids cannot be probed.
  const endpoint = await loadEndpoint(db, user, delivery.endpointId, { manage }).catch(
    (error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(DELIVERY_NOT_FOUND) : error;
    },
  );
  return { delivery, endpoint };
}

/** Every attempt of a delivery in the order made: status code or error, excerpt, duration. */
export async function listWebhookAttempts({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { deliveryId: string };
}): Promise<WebhookAttemptView[]> {
  const { delivery } = await loadDelivery(db, user, input.deliveryId);
  const a = webhookAttempts;
  return db
    .select({
      id: a.id,
      attempt: a.attempt,
      manual: a.manual,
      statusCode: a.statusCode,
      error: a.error,
      responseExcerpt: a.responseExcerpt,
      durationMs: a.durationMs,
      attemptedAt: a.attemptedAt,
    })
    .from(a)
    .where(eq(a.deliveryId, delivery.id))
    .orderBy(asc(a.attempt));
}
