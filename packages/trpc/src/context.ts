import type { Database, UserRole } from "@lumen/db";

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
}

/** Pure context: tests build it directly and call procedures with `createCaller`. */
export function createContextInner(opts: ContextInner): ContextInner {
  return { db: opts.db, user: opts.user };
}

export type Context = ContextInner;
