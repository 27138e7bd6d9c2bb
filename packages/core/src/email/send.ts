import { type Database, emailSends } from "@lumen/db";
import { and, eq, lt, sql } from "drizzle-orm";
import {
  type Composed,
  composeDigest,
  composeNotification,
  type EmailLinks,
  loadRecipient,
} from "./content";

/** One outgoing email as the transport (nodemailer in the API) takes it. */
export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Stable per outbox row, so even a mail client sees one message per notification. */
  messageId: string;
}

export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
}

export interface SendEmailsDeps extends EmailLinks {
  db: Database;
  transport: EmailTransport;
}

/** Attempts per email before it is given up as failed; the wait doubles from 30 s to 1 h. */
export const MAX_EMAIL_ATTEMPTS = 8;
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 3600);
/** A row left "sending" this long belongs to a sender that died mid-send. */
const STALE_SENDING = sql`interval '15 minutes'`;

export interface SendReport {
  sent: number;
  skipped: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what the outbox holds that is due (instant emails and queued digests), a batch at a
 * time; safe to run anywhere, any number of times, concurrently.
 *
 * At most once (ADR 0022): a row is claimed by committing it as "sending" before the SMTP
 * call and marked "sent" after. A sender that dies between the two leaves the row
 * "sending": it is never retried (a crash must not mail someone twice) and is marked failed
 * after 15 minutes. An SMTP error is a known non-delivery: the row goes back to the queue
 * with backoff until MAX_EMAIL_ATTEMPTS.
 */
export async function sendDueEmails(
  deps: SendEmailsDeps,
  { limit = 50 }: { limit?: number } = {},
): Promise<SendReport> {
  const { db } = deps;
  const report: SendReport = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  await db
    .update(emailSends)
    .set({
      status: "failed",
      lastError: "interrupted while sending; not repeated",
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(emailSends.status, "sending"),
        lt(emailSends.updatedAt, sql`now() - ${STALE_SENDING}`),
      ),
    );
  const { rows } = await db.execute<{
    id: string;
    user_id: string;
    notification_id: string | null;
    digest_day: string | null;
    attempts: number;
  }>(sql`
    update ${emailSends} set status = 'sending', attempts = attempts + 1, updated_at = now()
    where id in (
      select id from ${emailSends} where status = 'queued' and next_attempt_at <= now()
      order by next_attempt_at limit ${limit} for update skip locked)
    returning id, user_id, notification_id, to_char(digest_day, 'YYYY-MM-DD') as digest_day, attempts`);
  for (const row of rows) {
    const outcome = await sendOne(deps, row);
    report[outcome] += 1;
  }
  return report;
}

async function sendOne(
  deps: SendEmailsDeps,
  row: {
    id: string;
    user_id: string;
    notification_id: string | null;
    digest_day: string | null;
    attempts: number;
  },
): Promise<keyof SendReport> {
  const { db } = deps;
  const finish = (status: "sent" | "skipped", lastError: string | null = null) =>
    db
      .update(emailSends)
      .set({
        status,
        lastError,
        sentAt: status === "sent" ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(emailSends.id, row.id));
  const recipient = await loadRecipient(db, row.user_id);
  // Unverified addresses get no notification email (ADR 0022): they may not be the user's.
  if (!recipient?.emailVerified) {
    await finish("skipped", "address not verified");
    return "skipped";
  }
  let mail: Composed | { skip: string };
  if (row.notification_id)
    mail = await composeNotification(db, deps, recipient, row.notification_id);
  else mail = await composeDigest(db, deps, recipient, row.digest_day ?? "");
  if ("skip" in mail) {
    await finish("skipped", mail.skip);
    return "skipped";
  }
  try {
    await deps.transport.send({
      to: recipient.email,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.headers,
      messageId: `<${row.id}@email.lumen>`,
    });
  } catch (error) {
    const giveUp = row.attempts >= MAX_EMAIL_ATTEMPTS;
    await db
      .update(emailSends)
      .set({
        status: giveUp ? "failed" : "queued",
        lastError: smtpReason(error),
        nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(row.attempts)})`,
        updatedAt: sql`now()`,
      })
      .where(eq(emailSends.id, row.id));
    return giveUp ? "failed" : "retrying";
  }
  await finish("sent");
  return "sent";
}

/** An SMTP failure as a short code, never the server's text (it may quote the address). */
function smtpReason(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const e = error as { code?: unknown; responseCode?: unknown };
    const parts = [e.code, e.responseCode].filter(
      (p) => typeof p === "string" || typeof p === "number",
    );
    if (parts.length > 0) return `send failed: ${parts.join(" ")}`;
  }
  return "send failed";
}
