import { users } from "@lumen/db";
import type { Locale } from "@lumen/shared";
import { inArray } from "drizzle-orm";
import type { Queryable } from "../kernel";
import { textLocale } from "./translate";

export const DEFAULT_TIME_ZONE = "UTC";

/** How one person reads text: its language, and the tag and zone dates and numbers follow. */
export interface Reader {
  locale: Locale;
  /** The stored tag itself (`fr-CA`, `es-MX`) when Intl knows it: formats stay as chosen. */
  formatLocale: string;
  timeZone: string;
}

export function readerOf(user: { locale: string | null; timeZone: string | null }): Reader {
  const stored = user.locale ?? "en";
  return {
    locale: textLocale(user.locale),
    formatLocale: Intl.DateTimeFormat.supportedLocalesOf([stored]).length > 0 ? stored : "en",
    timeZone: user.timeZone ?? DEFAULT_TIME_ZONE,
  };
}

/** The readers of many users in one query; ids without a user are absent. */
export async function readersOf(
  db: Queryable,
  userIds: readonly string[],
): Promise<Map<string, Reader>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, readerOf(row)]));
}
