import {
  type Database,
  type EmailDelivery,
  emailPreferences,
  notificationKind,
  users,
} from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import type { EmailSettingsInput } from "./inputs";

export type NotificationKindName = (typeof notificationKind.enumValues)[number];
export const NOTIFICATION_KINDS = notificationKind.enumValues;

/**
 * What a user gets before choosing (ADR 0022): what someone waits for or must act on comes at
 * once (a reply to my thread, a mention, my answer accepted, a moderator's action, a grade, a
 * certificate); what is merely interesting comes in the daily digest (replies in threads I
 * only follow, course milestones).
 */
export const DEFAULT_DELIVERY: Record<NotificationKindName, EmailDelivery> = {
  milestone: "daily",
  certificate: "instant",
  forum_reply: "instant",
  forum_followed_reply: "daily",
  forum_mention: "instant",
  forum_answer_accepted: "instant",
  forum_moderation: "instant",
  grade: "instant",
  // The user asked for it and the link expires in 7 days: tell them at once.
  privacy_export: "instant",
  account_deletion: "instant",
};

export { DEFAULT_TIME_ZONE } from "../i18n";

export interface EmailSettings {
  /** Null until the user (or their browser, on the settings page) chose one. */
  timeZone: string | null;
  locale: string | null;
  preferences: { kind: NotificationKindName; delivery: EmailDelivery; isDefault: boolean }[];
}

/** Every kind's delivery for one user: their choice, else the default. */
export async function deliveriesOf(
  db: Queryable,
  userId: string,
): Promise<Record<NotificationKindName, EmailDelivery>> {
  const rows = await db
    .select({ kind: emailPreferences.kind, delivery: emailPreferences.delivery })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, userId));
  const chosen = Object.fromEntries(rows.map((r) => [r.kind, r.delivery]));
  return { ...DEFAULT_DELIVERY, ...chosen };
}

/** The SQL for "this notification kind's delivery for this user", defaults included. */
export function effectiveDeliverySql(kind: unknown, chosen: unknown) {
  const cases = NOTIFICATION_KINDS.map((k) => sql`when ${k} then ${DEFAULT_DELIVERY[k]}`);
  return sql`coalesce(${chosen}::text, case ${kind}::text ${sql.join(cases, sql` `)} end)`;
}

/**
 * The caller's email settings: a delivery for every kind, and (read only, the profile writes
 * them) the time zone and language emails use.
 */
export async function getEmailSettings({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<EmailSettings> {
  const [row] = await db
    .select({ timeZone: users.timeZone, locale: users.locale })
    .from(users)
    .where(eq(users.id, user.id));
  const chosen = await db
    .select({ kind: emailPreferences.kind, delivery: emailPreferences.delivery })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, user.id));
  const byKind = new Map(chosen.map((c) => [c.kind, c.delivery]));
  return {
    timeZone: row?.timeZone ?? null,
    locale: row?.locale ?? null,
    preferences: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      delivery: byKind.get(kind) ?? DEFAULT_DELIVERY[kind],
      isDefault: !byKind.has(kind),
    })),
  };
}

/** Saves what the input names (other kinds keep their choice) and answers the new settings. */
export async function updateEmailSettings({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: EmailSettingsInput;
}): Promise<EmailSettings> {
  await setDeliveries(db, user.id, input.preferences ?? []);
  return getEmailSettings({ db, user });
}

/** Upserts some kinds' deliveries for one user. */
export async function setDeliveries(
  tx: Queryable,
  userId: string,
  choices: readonly { kind: NotificationKindName; delivery: EmailDelivery }[],
) {
  if (choices.length === 0) return;
  const sorted = [...choices].sort((a, b) => a.kind.localeCompare(b.kind));
  await tx
    .insert(emailPreferences)
    .values(sorted.map((c) => ({ userId, kind: c.kind, delivery: c.delivery })))
    .onConflictDoUpdate({
      target: [emailPreferences.userId, emailPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
    });
}
