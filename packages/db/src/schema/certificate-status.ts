import { sql } from "drizzle-orm";
import { check, integer, pgSequence, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Certificate revocation as W3C Bitstring Status Lists (ADR 0008). Every certificate issued
 * since issue 9 takes the next value of this sequence, in its issuing transaction, as its global
 * status index (`certificates.status_list_index`); list n holds indices [(n-1)·131072, n·131072).
 * A rolled-back issue leaves an unused (never set) bit, which is harmless.
 */
export const certificateStatusIndexSeq = pgSequence("certificate_status_index_seq", {
  startWith: 0,
  minValue: 0,
});

/**
 * One row per status list. `version` goes up in every transaction that revokes a certificate of
 * the list; the publish job signs the list as of a version (`credential`, `signedVersion`) and
 * sends it to the edge, which keeps the highest version it has seen, so an older list never
 * replaces a newer one. The edge reads `credential` here when its KV has none.
 */
export const certificateStatusLists = pgTable(
  "certificate_status_lists",
  {
    /** The list number, from 1: the `n` of `/status/n`. */
    id: integer().primaryKey(),
    version: integer().notNull().default(1),
    /** The VC-JWT of the list as of `signedVersion`; null until first signed. */
    credential: text(),
    signedVersion: integer().notNull().default(0),
    /** The highest version the edge has acknowledged. */
    publishedVersion: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("certificate_status_lists_id_check", sql`${t.id} >= 1`)],
);
