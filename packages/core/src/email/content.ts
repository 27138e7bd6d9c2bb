import { type Database, emailPreferences, notifications, users } from "@lumen/db";
import type { Locale } from "@lumen/shared";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { readerOf } from "../i18n";
import { deliveriesOf, effectiveDeliverySql, type NotificationKindName } from "./preferences";
import { digestEmail, type EmailFrame, notificationEmail, type RenderedEmail } from "./templates";
import { type UnsubscribeScope, unsubscribeToken } from "./unsubscribe";
import { startOfLocalDay } from "./zoned";

export interface EmailLinks {
  /** The web app's origin: notification links, the unsubscribe page, settings. */
  appUrl: string;
  /** Where the API is reached publicly: the RFC 8058 one-click POST target. */
  apiUrl: string;
  /** The HMAC secret unsubscribe tokens are signed with. */
  secret: string;
  /**
   * A link to use in the email instead of the notification's in-app path, signed when the
   * email is sent (a data export's download link); null keeps the in-app path.
   */
  linkFor?: ((n: LinkedNotification) => Promise<string | null>) | undefined;
}

/** What a `linkFor` resolver is told about the notification an email is about. */
export interface LinkedNotification {
  kind: NotificationKindName;
  userId: string;
  dedupeKey: string;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  timeZone: string;
  /** The stored BCP 47 tag dates are formatted in (as chosen, when Intl knows it). */
  locale: string;
  /** The language the email's words are in: the tag's language if we speak it, else en. */
  language: Locale;
}

export async function loadRecipient(db: Database, userId: string): Promise<Recipient | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) return null;
  const reader = readerOf(u);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    emailVerified: u.emailVerified,
    timeZone: reader.timeZone,
    locale: reader.formatLocale,
    language: reader.locale,
  };
}

/** A moment as the recipient reads it: their zone, their locale, the zone named. */
export function formatWhen(r: Recipient, at: Date) {
  return new Intl.DateTimeFormat(r.locale, {
    timeZone: r.timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
}

function formatDay(r: Recipient, day: string) {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(r.locale, { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)),
  );
}

export interface Composed extends RenderedEmail {
  headers: Record<string, string>;
}

function frame(links: EmailLinks, r: Recipient, scope: UnsubscribeScope) {
  const token = unsubscribeToken(links.secret, r.id, scope);
  const oneClick = `${links.apiUrl}/api/email/unsubscribe?token=${token}`;
  const value: EmailFrame = {
    recipientName: r.name,
    locale: r.language,
    unsubscribeUrl: `${links.appUrl}/unsubscribe?token=${token}`,
    unsubscribeAllUrl: `${links.appUrl}/unsubscribe?token=${unsubscribeToken(links.secret, r.id, "all")}`,
    settingsUrl: `${links.appUrl}/settings/notifications`,
  };
  const headers = {
    "List-Unsubscribe": `<${oneClick}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
  return { value, headers };
}

const absolute = (links: EmailLinks, link: string | null) =>
  link?.startsWith("/") ? `${links.appUrl}${link}` : `${links.appUrl}/`;

async function urlOf(
  links: EmailLinks,
  n: LinkedNotification & { link: string | null },
): Promise<string> {
  return (await links.linkFor?.(n)) ?? absolute(links, n.link);
}

/** The instant email for one notification, or why there is none now. */
export async function composeNotification(
  db: Database,
  links: EmailLinks,
  r: Recipient,
  notificationId: string,
): Promise<Composed | { skip: string }> {
  const [n] = await db.select().from(notifications).where(eq(notifications.id, notificationId));
  if (!n) return { skip: "notification deleted" };
  // The user's choice when sending wins over the one when queued (they may have just unsubscribed).
  if ((await deliveriesOf(db, r.id))[n.kind] !== "instant") return { skip: "preference changed" };
  const f = frame(links, r, n.kind);
  const body = notificationEmail(f.value, {
    kind: n.kind,
    title: n.title,
    body: n.body,
    url: await urlOf(links, n),
    when: formatWhen(r, n.createdAt),
  });
  return { ...body, headers: f.headers };
}

/** The notifications of `r`'s daily kinds created during their local `day`, oldest first. */
export async function digestItems(db: Database, r: Recipient, day: string) {
  const start = startOfLocalDay(r.timeZone, day);
  const [y, m, d] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
  const end = startOfLocalDay(r.timeZone, next);
  const delivery = effectiveDeliverySql(notifications.kind, emailPreferences.delivery);
  return db
    .select({
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      userId: notifications.userId,
      dedupeKey: notifications.dedupeKey,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(
      emailPreferences,
      and(
        eq(emailPreferences.userId, notifications.userId),
        eq(emailPreferences.kind, notifications.kind),
      ),
    )
    .where(
      and(
        eq(notifications.userId, r.id),
        gte(notifications.createdAt, start),
        lt(notifications.createdAt, end),
        sql`${delivery} = 'daily'`,
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(200);
}

/** The digest email of one local day, or why there is none. */
export async function composeDigest(
  db: Database,
  links: EmailLinks,
  r: Recipient,
  day: string,
): Promise<Composed | { skip: string }> {
  const items = await digestItems(db, r, day);
  if (items.length === 0) return { skip: "nothing for the digest" };
  const f = frame(links, r, "digest");
  const urls = await Promise.all(items.map((i) => urlOf(links, i)));
  const body = digestEmail(f.value, {
    day: formatDay(r, day),
    items: items.map((i, index) => ({
      title: i.title,
      body: i.body,
      url: urls[index] ?? absolute(links, i.link),
      when: formatWhen(r, i.createdAt),
    })),
  });
  return { ...body, headers: f.headers };
}

export type { NotificationKindName };
