import type { Database } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";

/** Thrown into the reading transaction when the consumer stops early: it rolls back. */
class ReadCancelled extends Error {}

type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * The rows of `query`, `pageSize` at a time, through a server-side cursor in one read-only
 * transaction: one snapshot and one sort for the whole read, however many pages, and never
 * more than a page in memory. The transaction stays open while the caller consumes pages
 * (drizzle's transactions are callbacks, so a one-page hand-off bridges it to a generator);
 * stopping early (`return()`, a closed HTTP response) rolls it back and frees the connection.
 */
export async function* cursorPages<Row>(
  db: Database,
  query: SQL,
  pageSize: number,
): AsyncGenerator<Row[]> {
  const perPage = Math.max(1, Math.trunc(pageSize));
  // FETCH takes no parameter for its count; this is our integer, not input.
  const size = sql.raw(String(perPage));
  const state: {
    page: Row[] | null;
    /** Lets the transaction go on (true) or cancels it (false) once a handed page was read. */
    release: ((go: boolean) => void) | null;
    wake: (() => void) | null;
    cancelled: boolean;
    outcome: Outcome | null;
  } = { page: null, release: null, wake: null, cancelled: false, outcome: null };
  const signal = () => {
    const wake = state.wake;
    state.wake = null;
    wake?.();
  };
  const hand = (rows: Row[]) =>
    new Promise<void>((resolve, reject) => {
      if (state.cancelled) return reject(new ReadCancelled());
      state.page = rows;
      state.release = (go) => (go ? resolve() : reject(new ReadCancelled()));
      signal();
    });
  const settle = (outcome: Outcome) => {
    state.outcome = outcome;
    signal();
  };
  const work = db
    .transaction(
      async (tx) => {
        await tx.execute(sql`declare analytics_export no scroll cursor for ${query}`);
        for (;;) {
          const { rows } = await tx.execute<Record<string, unknown>>(
            sql`fetch forward ${size} from analytics_export`,
          );
          if (rows.length > 0) await hand(rows as Row[]);
          if (rows.length < perPage) break;
        }
        await tx.execute(sql`close analytics_export`);
      },
      { accessMode: "read only" },
    )
    .then(
      () => settle({ ok: true }),
      (error: unknown) => settle({ ok: false, error }),
    );
  try {
    for (;;) {
      const page = state.page;
      if (page) {
        state.page = null;
        // Stopped at this yield, `release` is still set: `finally` cancels the read with it.
        yield page;
        const release = state.release;
        state.release = null;
        release?.(true);
        continue;
      }
      const outcome = state.outcome;
      if (outcome) {
        if (!outcome.ok) throw outcome.error;
        return;
      }
      await new Promise<void>((resolve) => {
        state.wake = resolve;
      });
    }
  } finally {
    if (!state.outcome) {
      state.cancelled = true;
      const release = state.release;
      state.release = null;
      release?.(false);
    }
    await work;
  }
}
