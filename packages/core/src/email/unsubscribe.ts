import { createHmac, timingSafeEqual } from "node:crypto";
import { type Database, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ValidationError } from "../kernel";
import type { ResubscribeInput } from "./inputs";
import {
  deliveriesOf,
  NOTIFICATION_KINDS,
  type NotificationKindName,
  setDeliveries,
} from "./preferences";

/** What one unsubscribe link turns off: one kind of email, or all of them. */
export type UnsubscribeScope = NotificationKindName | "all" | "digest";

const claims = z.object({
  u: z.string().min(1).max(200),
  s: z.enum([...NOTIFICATION_KINDS, "all", "digest"]),
});

const INVALID =
  "This unsubscribe link is not valid. Open the latest email's link, or change your email settings after signing in.";

function mac(secret: string, body: string) {
  return createHmac("sha256", secret).update(`lumen-unsubscribe:${body}`).digest("base64url");
}

/**
 * A link token naming a user and a scope, signed with HMAC-SHA256 under the server's secret.
 * It never expires: an unsubscribe link must keep working in an old email.
 */
export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope) {
  const body = Buffer.from(JSON.stringify({ u: userId, s: scope })).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

/** The token's user and scope, or a ValidationError for anything forged, cut or altered. */
export function readUnsubscribeToken(secret: string, token: string) {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) throw new ValidationError(INVALID);
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new ValidationError(INVALID);
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    throw new ValidationError(INVALID);
  }
  const parsed = claims.safeParse(decoded);
  if (!parsed.success) throw new ValidationError(INVALID);
  return { userId: parsed.data.u, scope: parsed.data.s as UnsubscribeScope };
}

/** The kinds a scope turns off: one, all, or (a digest's link) those now set to daily. */
function kindsOf(
  scope: UnsubscribeScope,
  current: Record<NotificationKindName, "off" | "instant" | "daily">,
): NotificationKindName[] {
  if (scope === "all") return [...NOTIFICATION_KINDS];
  if (scope === "digest") return NOTIFICATION_KINDS.filter((k) => current[k] === "daily");
  return [scope];
}

export interface UnsubscribeResult {
  scope: UnsubscribeScope;
  /** Each kind's delivery before, so the confirmation page can offer an exact undo. */
  previous: { kind: NotificationKindName; delivery: "off" | "instant" | "daily" }[];
}

async function userExists(db: Database, userId: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!row) throw new ValidationError(INVALID);
}

/** One-click unsubscribe (no sign-in: the signed token is the authority). Idempotent. */
export async function unsubscribe({
  db,
  secret,
  token,
}: {
  db: Database;
  secret: string;
  token: string;
}): Promise<UnsubscribeResult> {
  const { userId, scope } = readUnsubscribeToken(secret, token);
  await userExists(db, userId);
  return db.transaction(async (tx) => {
    const before = await deliveriesOf(tx, userId);
    const kinds = kindsOf(scope, before);
    await setDeliveries(
      tx,
      userId,
      kinds.map((kind) => ({ kind, delivery: "off" as const })),
    );
    return { scope, previous: kinds.map((kind) => ({ kind, delivery: before[kind] })) };
  });
}

/** Undo: puts back what the kinds in the token's scope were (and nothing outside it). */
export async function resubscribe({
  db,
  secret,
  input,
}: {
  db: Database;
  secret: string;
  input: ResubscribeInput;
}): Promise<{ scope: UnsubscribeScope }> {
  const { userId, scope } = readUnsubscribeToken(secret, input.token);
  // A digest's link covers the kinds that were daily: undo may only set kinds back to daily.
  const allowed = (p: ResubscribeInput["previous"][number]) =>
    scope === "all" || (scope === "digest" ? p.delivery === "daily" : p.kind === scope);
  if (!input.previous.every(allowed)) {
    throw new ValidationError("That link only covers some kinds of email.");
  }
  await userExists(db, userId);
  await db.transaction((tx) => setDeliveries(tx, userId, input.previous));
  return { scope };
}
