import { type Database, users, webhookEndpoints } from "@lumen/db";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { ConflictError, type SessionUser, ValidationError } from "../kernel";
import { type EndpointRow, loadEndpoint, toEndpointView } from "./access";
import type { CreateWebhookInput, ListWebhooksInput, UpdateWebhookInput } from "./inputs";
import { newWebhookSecret } from "./secret";
import type { CreatedWebhookEndpoint, WebhookEndpointView, WebhookPolicy } from "./types";

/** Endpoints one user may have for their own events, and one course for its events. */
export const MAX_ENDPOINTS_PER_OWNER = 10;

interface Deps {
  db: Database;
  user: SessionUser;
  /** Absent: development rules (http allowed). */
  webhooks?: WebhookPolicy | undefined;
}

function assertAllowedUrl(url: string, policy: WebhookPolicy | undefined) {
  if (policy?.httpsOnly && !url.toLowerCase().startsWith("https://")) {
    throw new ValidationError("Webhook URLs must use https.", {
      url: ["The URL must start with https://."],
    });
  }
}

/**
 * Registers an endpoint for the caller's own events, or with `courseId` for a course they
 * edit. The owner's (or course's) row lock is taken first so two racing creates cannot both
 * pass the cap.
 */
export async function createWebhookEndpoint({
  db,
  user,
  webhooks,
  input,
}: Deps & { input: CreateWebhookInput }): Promise<CreatedWebhookEndpoint> {
  assertAllowedUrl(input.url, webhooks);
  return db.transaction(async (tx) => {
    const courseId = input.courseId ?? null;
    if (courseId) await assertCanEditCourse(tx, user, courseId, { lock: true });
    else await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const [existing] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(
        courseId
          ? eq(webhookEndpoints.courseId, courseId)
          : and(eq(webhookEndpoints.userId, user.id), isNull(webhookEndpoints.courseId)),
      );
    if ((existing?.n ?? 0) >= MAX_ENDPOINTS_PER_OWNER) {
      throw new ConflictError(
        `${courseId ? "A course" : "You"} can have at most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints. Delete one first.`,
      );
    }
    const secret = newWebhookSecret();
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        userId: user.id,
        courseId,
        url: input.url,
        description: input.description,
        events: input.events,
        secret,
      })
      .returning();
    if (!row) throw new Error("webhook endpoint insert returned nothing");
    return { endpoint: toEndpointView(row, user), secret };
  });
}

/**
 * With `courseId`: the course's endpoints (its editors see them all). Without: the caller's
 * endpoints for their own events.
 */
export async function listWebhookEndpoints({
  db,
  user,
  input,
}: Deps & { input: ListWebhooksInput }): Promise<WebhookEndpointView[]> {
  if (input.courseId) await assertCanEditCourse(db, user, input.courseId);
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(
      input.courseId
        ? eq(webhookEndpoints.courseId, input.courseId)
        : and(eq(webhookEndpoints.userId, user.id), isNull(webhookEndpoints.courseId)),
    )
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map((row) => toEndpointView(row, user));
}

/** Changes the owner's endpoint; turning it back on forgets its failures. */
export async function updateWebhookEndpoint({
  db,
  user,
  webhooks,
  input,
}: Deps & { input: UpdateWebhookInput }): Promise<WebhookEndpointView> {
  if (input.url !== undefined) assertAllowedUrl(input.url, webhooks);
  return db.transaction(async (tx) => {
    const current = await loadEndpoint(tx, user, input.endpointId, { manage: true, lock: true });
    const changes: Partial<EndpointRow> = {};
    if (input.url !== undefined) changes.url = input.url;
    if (input.description !== undefined) changes.description = input.description;
    if (input.events !== undefined) changes.events = input.events;
    if (input.enabled === true && !current.enabled) {
      Object.assign(changes, { enabled: true, disabledReason: null, consecutiveFailures: 0 });
    } else if (input.enabled === false && current.enabled) {
      Object.assign(changes, { enabled: false, disabledReason: "Turned off by its owner." });
    }
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, current.id))
      .returning();
    if (!row) throw new Error("webhook endpoint vanished under its lock");
    return toEndpointView(row, user);
  });
}

/** Deletes the owner's endpoint and its delivery log. */
export async function deleteWebhookEndpoint({
  db,
  user,
  input,
}: Deps & { input: { endpointId: string } }): Promise<{ endpointId: string }> {
  const endpoint = await loadEndpoint(db, user, input.endpointId, { manage: true });
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
  return { endpointId: endpoint.id };
}

/** The signing secret, for the owner to configure their receiver with. */
export async function revealWebhookSecret({
  db,
  user,
  input,
}: Deps & { input: { endpointId: string } }): Promise<{ secret: string }> {
  const endpoint = await loadEndpoint(db, user, input.endpointId, { manage: true });
  return { secret: endpoint.secret };
}
