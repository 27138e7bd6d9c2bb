import pg from "pg";

/** One SQL statement the service sent, as the driver received it. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements one service call sent, in waves: statements the service had in flight at the
 * same time (a page and its facets, `Promise.all`) share a wave; a wave starts once the previous
 * one has answered. Replaying the waves in order, each in parallel, is the same SQL with the
 * same concurrency and no application code around it.
 */
export type Waves = Statement[][];

interface Recorded extends Statement {
  start: number;
  end: number;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Runs `call` while recording every statement node-postgres sends (the service's pool runs on
 * `pg.Client`; drizzle calls `query(config, values)`, the pool `query(text, values, callback)`).
 * Writes and locks (the search keeps broad queries precomputed in the background) are left out:
 * the floor is the read path.
 */
export async function recordStatements(call: () => Promise<unknown>): Promise<Waves> {
  const recorded: Recorded[] = [];
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const config = typeof first === "string" ? { text: first } : (first as Partial<Statement>);
    const values = Array.isArray(second) ? second : (config.values ?? []);
    const entry: Recorded = { text: config.text ?? "", values, start: performance.now(), end: 0 };
    recorded.push(entry);
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (...results: unknown[]) => {
        entry.end = performance.now();
        return (callback as Query)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      return result.finally(() => {
        entry.end = performance.now();
      });
    }
    entry.end = performance.now();
    return result;
  } as Query;
  try {
    await call();
  } finally {
    prototype.query = original;
  }
  const reads = recorded.filter((s) => /^\s*(select|with)\b/i.test(s.text) && isRead(s.text));
  return toWaves(reads);
}

function isRead(text: string): boolean {
  return !/\b(insert|update|delete|pg_advisory|for update)\b/i.test(text);
}

function toWaves(statements: Recorded[]): Waves {
  const waves: Waves = [];
  let current: Recorded[] = [];
  let inFlightUntil = -1;
  for (const s of statements) {
    if (current.length > 0 && s.start >= inFlightUntil) {
      waves.push(current.map(({ text, values }) => ({ text, values })));
      current = [];
    }
    current.push(s);
    inFlightUntil = Math.max(inFlightUntil, s.end);
  }
  if (current.length > 0) waves.push(current.map(({ text, values }) => ({ text, values })));
  return waves;
}

/** A plain node-postgres pool on the same database: the driver, nothing else. */
export function floorPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 10 });
}

/** Replays one call's waves; resolves when the last statement has answered. */
export async function replay(pool: pg.Pool, waves: Waves): Promise<void> {
  for (const wave of waves) {
    await Promise.all(wave.map((s) => pool.query(s.text, s.values)));
  }
}
