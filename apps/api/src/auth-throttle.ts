import { authThrottles, type Database } from "@lumen/db";
import { inArray, lt } from "drizzle-orm";
import {
  type Counter,
  decideSignIn,
  decideWindow,
  RESET_POLICY,
  type ResetPolicy,
  retryAfterSeconds,
  SIGN_IN_POLICY,
  SIGN_UP_POLICY,
  type SignInPolicy,
  type WindowRule,
} from "./auth-throttle-policy";

/** How a sign-in attempt ended, as far as guessing is concerned. */
export type SignInOutcome = "failure" | "success" | "not-a-guess";

export type ThrottleAnswer<T = object> =
  | ({ allowed: true } & T)
  | { allowed: false; retryAfterSeconds: number };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * The database side of the sign-in/sign-up limits (policy in auth-throttle-policy.ts).
 * Counters live in Postgres so every API process shares them; each decision reads and
 * writes its rows in one transaction under row locks, so concurrent attempts queue.
 */
export function createAuthThrottle(
  db: Database,
  {
    now = () => Date.now(),
    signInPolicy = SIGN_IN_POLICY,
    signUpPolicy = SIGN_UP_POLICY,
    resetPolicy = RESET_POLICY,
  }: {
    now?: () => number;
    signInPolicy?: SignInPolicy;
    signUpPolicy?: WindowRule;
    resetPolicy?: ResetPolicy;
  } = {},
) {
  let lastPrune = 0;

  /** Counts one attempt in every window, or in none when any of them is full. */
  async function countInWindows(windows: Array<{ key: string; rule: WindowRule }>) {
    const at = now();
    pruneSometimes(at);
    const decision = await db.transaction(async (tx) => {
      const row = await lockRows(
        tx,
        windows.map((w) => w.key),
        at,
      );
      const decided = windows.map((w) => ({ key: w.key, ...decideWindow(row(w.key), at, w.rule) }));
      const refused = decided.flatMap((d) => (d.allowed ? [] : [d.retryAfterMs]));
      if (refused.length > 0)
        return { allowed: false as const, retryAfterMs: Math.max(...refused) };
      for (const d of decided) if (d.allowed) await write(tx, d.key, d.next);
      return { allowed: true as const };
    });
    return decision.allowed
      ? ({ allowed: true } as const)
      : { allowed: false as const, retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) };
  }

  /** Locks (creating when missing) the rows of `keys`, in key order to avoid deadlocks. */
  async function lockRows(tx: Tx, keys: string[], at: number) {
    const sorted = [...keys].sort();
    await tx
      .insert(authThrottles)
      .values(sorted.map((key) => ({ key, count: 0, windowStartedAt: at, lastAt: at })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(authThrottles)
      .where(inArray(authThrottles.key, sorted))
      .orderBy(authThrottles.key)
      .for("update");
    const byKey = new Map(rows.map((r) => [r.key, r]));
    // A row just created holds no attempt yet: the policy treats it as absent.
    return (key: string): Counter | undefined => {
      const row = byKey.get(key);
      return row && row.count > 0 ? row : undefined;
    };
  }

  async function write(tx: Tx, key: string, counter: Counter) {
    await tx
      .insert(authThrottles)
      .values({ key, ...counter })
      .onConflictDoUpdate({ target: authThrottles.key, set: counter });
  }

  /** Old rows are useless after the longest window; drop them now and then, off the hot path. */
  function pruneSometimes(at: number) {
    if (at - lastPrune < 60_000) return;
    lastPrune = at;
    const windows = [signUpPolicy, resetPolicy.perAddress, resetPolicy.perAccount];
    const cutoff = at - Math.max(signInPolicy.forgetAfterMs, ...windows.map((w) => w.windowMs));
    void db
      .delete(authThrottles)
      .where(lt(authThrottles.lastAt, cutoff))
      .catch(() => {});
  }

  return {
    /**
     * Asks to attempt a sign-in to `account` from `address`. When allowed, call `settle`
     * with the outcome once known: only failures stay counted.
     */
    async beginSignIn(
      address: string,
      account: string,
    ): Promise<ThrottleAnswer<{ settle: (outcome: SignInOutcome) => Promise<void> }>> {
      const pairKey = `pair:${address}|${account}`;
      const addressKey = `ip:${address}`;
      const at = now();
      pruneSometimes(at);
      const decision = await db.transaction(async (tx) => {
        const row = await lockRows(tx, [pairKey, addressKey], at);
        const decided = decideSignIn(row(pairKey), row(addressKey), at, signInPolicy);
        if (decided.allowed) {
          await write(tx, pairKey, decided.pair);
          await write(tx, addressKey, decided.address);
        }
        return decided;
      });
      if (!decision.allowed) {
        return { allowed: false, retryAfterSeconds: retryAfterSeconds(decision.retryAfterMs) };
      }
      const settle = async (outcome: SignInOutcome) => {
        if (outcome === "failure") return;
        await db.transaction(async (tx) => {
          const row = await lockRows(tx, [pairKey, addressKey], at);
          const refund = (c: Counter | undefined) => c && { ...c, count: Math.max(0, c.count - 1) };
          const address = refund(row(addressKey));
          if (address) await write(tx, addressKey, address);
          // The right password clears the pair's history; a non-guess only gives its slot back.
          const pair = outcome === "success" ? undefined : refund(row(pairKey));
          if (pair) await write(tx, pairKey, pair);
          else await tx.delete(authThrottles).where(inArray(authThrottles.key, [pairKey]));
        });
      };
      return { allowed: true, settle };
    },

    /** Counts a sign-up attempt from `address`. */
    beginSignUp(address: string): Promise<ThrottleAnswer> {
      return countInWindows([{ key: `signup:${address}`, rule: signUpPolicy }]);
    },

    /**
     * Counts a password reset request: per address, and per account so nobody's inbox is
     * flooded. Unknown addresses are counted alike, so a refusal says nothing about them.
     */
    beginResetRequest(address: string, account: string): Promise<ThrottleAnswer> {
      return countInWindows([
        { key: `reset:${address}`, rule: resetPolicy.perAddress },
        { key: `reset-account:${account}`, rule: resetPolicy.perAccount },
      ]);
    },

    /** Counts an attempt to use a reset token from `address` (guessing tokens costs). */
    beginResetUse(address: string): Promise<ThrottleAnswer> {
      return countInWindows([{ key: `reset-use:${address}`, rule: resetPolicy.perAddress }]);
    },
  };
}

export type AuthThrottle = ReturnType<typeof createAuthThrottle>;
