import type { Database, UserRole } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { SearchBackend } from "@lumen/search";

/** The signed-in user as procedures see it. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ContextInner {
  db: Database;
  user: SessionUser | null;
  /** Enqueues follow-up work inside the caller's transaction (search indexing, edge purge). */
  outbox: Outbox;
  /** The catalog search engine (Postgres full-text or Typesense), built once per process. */
  search: SearchBackend;
}

/** Pure context: tests build it directly and call procedures with `createCaller`. */
export function createContextInner(opts: ContextInner): ContextInner {
  return { db: opts.db, user: opts.user, outbox: opts.outbox, search: opts.search };
}

export type Context = ContextInner;
