import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** Roles gate what a user can do; a new sign-up is always a learner. */
export const userRole = pgEnum("user_role", ["learner", "instructor", "admin"]);
export type UserRole = (typeof userRole.enumValues)[number];

// The four tables below follow better-auth's core schema (plural names, `usePlural`).
export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    email: text().notNull().unique(),
    emailVerified: boolean().notNull().default(false),
    image: text(),
    role: userRole().notNull().default("learner"),
    /** IANA time zone for dates in emails and the digest's day; null: not chosen yet (UTC). */
    timeZone: text(),
    /** BCP 47 locale for emails (formatting now, translations later); null: not chosen (en). */
    locale: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A course's learners by name (the dashboard's learners table) walk this index and look
    // each one up in the course, instead of sorting every learner of a large course.
    index("users_name_idx").on(t.name, t.id),
    // The learners table's search (name or email contains the text, ILIKE): trigram indexes
    // find the matching users without reading every one (pg_trgm, migration 0001), then each
    // is looked up in the course; queries shorter than 3 characters still scan.
    index("users_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("users_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    token: text().notNull().unique(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ipAddress: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestamp({ withTimezone: true }),
    refreshTokenExpiresAt: timestamp({ withTimezone: true }),
    scope: text(),
    password: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("accounts_user_id_idx").on(t.userId)],
);

export const verifications = pgTable(
  "verifications",
  {
    id: text().primaryKey(),
    identifier: text().notNull(),
    value: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

/** Sign-in rate limiting is stored here so every API process shares one budget. */
export const rateLimits = pgTable("rate_limits", {
  id: text().primaryKey(),
  key: text().notNull().unique(),
  count: integer().notNull(),
  lastRequest: bigint({ mode: "number" }).notNull(),
});

/**
 * Sign-in and sign-up throttling (apps/api/src/auth-throttle.ts), shared by every API process.
 * One row per key: `pair:<ip>|<email>` (failed sign-ins of one account from one address,
 * with exponential backoff), `ip:<ip>` (that address's budget of failures) and
 * `signup:<ip>` (sign-up attempts). Times are epoch milliseconds of the deciding process.
 */
export const authThrottles = pgTable(
  "auth_throttles",
  {
    key: text().primaryKey(),
    count: integer().notNull().default(0),
    windowStartedAt: bigint({ mode: "number" }).notNull(),
    lastAt: bigint({ mode: "number" }).notNull(),
  },
  (t) => [index("auth_throttles_last_at_idx").on(t.lastAt)],
);
