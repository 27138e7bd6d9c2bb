import { type AccountEmail, accountEmail, preferredLocale } from "@lumen/core/email";
import { type Database, schema } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { Mail } from "./mailer";

/**
 * The account's emails (verification, reset, email change and its notice, "you already have
 * an account"), in the language of the account they are about: its profile language
 * (`users.locale`) when we speak it, else the language the request asked in (Accept-Language,
 * e.g. a sign-up whose browser sent no language), else English. Texts: @lumen/core/email.
 */
export async function accountMail(
  db: Database,
  to: { email: string; userId: string },
  request: Request | undefined,
  mail: AccountEmail,
): Promise<Mail> {
  const account = await accountOf(db, to.userId);
  const locale = preferredLocale(account?.locale, request?.headers.get("accept-language"));
  const { subject, text, html } = accountEmail(locale, mail);
  return { to: to.email, subject, text, html };
}

/** The address and language the account has now (the database, not better-auth's copy). */
export async function accountOf(db: Database, id: string) {
  const [row] = await db
    .select({ email: schema.users.email, locale: schema.users.locale })
    .from(schema.users)
    .where(eq(schema.users.id, id));
  return row ?? null;
}
