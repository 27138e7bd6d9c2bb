import type { Database } from "@lumen/db";

export type { Database } from "@lumen/db";

/** The handle `db.transaction(async (tx) => …)` passes in: every write that must commit together. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Reads that work the same on the pool and inside a transaction. */
export type Queryable = Database | Transaction;
