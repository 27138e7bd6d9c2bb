import type { Database } from "@lumen/db";
import type { InMemoryMediaStore } from "@lumen/media";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";

/** Strings that broke inputs somewhere: Postgres refuses U+0000; the rest must be refused too. */
export const HOSTILE_STRINGS: Record<string, string> = {
  nul: "a\u0000b",
  "lone surrogate": "a\ud800b",
  "C0 control (ESC)": "a\u001bb",
  "C1 control (NEL)": "a\u0085b",
  // Longer than any field takes, the 1 MiB caption file included.
  overlong: "x".repeat(1024 * 1024 + 1),
};

type Path = Array<string | number>;

/** Where `value` holds strings: object keys and array indexes down to each string leaf. */
export function stringPaths(value: unknown, at: Path = []): Path[] {
  if (typeof value === "string") return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...at, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...at, key]));
  }
  return [];
}

/** A copy of `value` with `replacement` at `path`. */
export function withValueAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    return value.map((item, i) => (i === head ? withValueAt(item, rest, replacement) : item));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withValueAt(record[head], rest, replacement) };
}

/** What a call ended in: "ok", or the tRPC code it failed with. */
export async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    return `thrown ${String(error)}`;
  }
}

/** The callable at a dotted path of a caller (`"quiz.submit"` → `caller.quiz.submit`). */
export function procedureAt(caller: object, path: string): (input?: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  if (typeof node !== "function") throw new Error(`no procedure at ${path}`);
  return node as (input?: unknown) => Promise<unknown>;
}

/**
 * Everything a call could have written: a digest of every row of every table (the job queue's
 * included) and the media store's keys. Equal before and after means nothing changed.
 */
export async function worldState(
  db: Database,
  store: InMemoryMediaStore,
): Promise<Record<string, string>> {
  const { rows: tables } = await db.execute<{ name: string }>(
    sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name
        from information_schema.tables
        where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'
        order by 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await db.execute<{ digest: string }>(
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
          from ${sql.raw(name)} t`,
    );
    digests[name] = rows[0]?.digest ?? "";
  }
  digests["media store"] = [...store.objects.keys()].sort().join("\n");
  return digests;
}

/** The tables (and "media store") whose digest differs between two world states. */
export function changedParts(before: Record<string, string>, after: Record<string, string>) {
  const parts = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...parts].filter((part) => before[part] !== after[part]);
}
