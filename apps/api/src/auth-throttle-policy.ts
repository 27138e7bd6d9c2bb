/**
 * How sign-in and sign-up attempts are limited (ADR 0010). Pure decisions over counters, so
 * the policy is tested without a database or a clock; auth-throttle.ts stores the counters.
 *
 * Sign-in counts failures only. A class behind one NAT shares an address, so the address
 * gets a large budget of failures, and each (address, account) pair gets its own small
 * allowance with exponential backoff: one person's typos slow down that person alone.
 */
export interface SignInPolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  addressBudget: number;
  addressWindowMs: number;
}
export interface WindowRule {
  max: number;
  windowMs: number;
}

export const SIGN_IN_POLICY: SignInPolicy = {
  /** Failures of one account from one address before any wait. */
  freeFailures: 5,
  /** The wait after the last free failure; it doubles with each further failure. */
  baseDelayMs: 10_000,
  maxDelayMs: 15 * 60_000,
  /** A pair's failures are forgotten this long after its last one. */
  forgetAfterMs: 60 * 60_000,
  /** Failures one address may make across all accounts per window. */
  addressBudget: 100,
  addressWindowMs: 15 * 60_000,
};

/** Every sign-up attempt counts (each may send an email): per address, per window. */
export const SIGN_UP_POLICY: WindowRule = { max: 40, windowMs: 15 * 60_000 };

/**
 * Password reset requests each send a mail: per address like sign-up, and a few per account
 * per window so one inbox cannot be flooded. The address window also bounds token guessing.
 */
export interface ResetPolicy {
  perAddress: WindowRule;
  perAccount: WindowRule;
}
export const RESET_POLICY: ResetPolicy = {
  perAddress: { max: 40, windowMs: 15 * 60_000 },
  perAccount: { max: 5, windowMs: 15 * 60_000 },
};

export interface Counter {
  count: number;
  windowStartedAt: number;
  lastAt: number;
}

export type Decision =
  | { allowed: true; pair: Counter; address: Counter }
  | { allowed: false; retryAfterMs: number };

const fresh = (now: number): Counter => ({ count: 0, windowStartedAt: now, lastAt: now });

/** The wait imposed after `failures` failures of one pair. */
export function backoffMs(failures: number, policy = SIGN_IN_POLICY): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}

/**
 * Whether a sign-in attempt may go ahead. An allowed attempt is counted as a failure up
 * front (so parallel guesses cannot all slip through one check); the caller refunds it when
 * the password turned out right or the request was not a guess at all.
 */
export function decideSignIn(
  pairRow: Counter | undefined,
  addressRow: Counter | undefined,
  now: number,
  policy = SIGN_IN_POLICY,
): Decision {
  const pair = pairRow && now - pairRow.lastAt < policy.forgetAfterMs ? pairRow : fresh(now);
  const wait = pair.lastAt + backoffMs(pair.count, policy) - now;
  if (pair.count > 0 && wait > 0) return { allowed: false, retryAfterMs: wait };
  const address = currentWindow(addressRow, now, policy.addressWindowMs);
  if (address.count >= policy.addressBudget) {
    return { allowed: false, retryAfterMs: address.windowStartedAt + policy.addressWindowMs - now };
  }
  return {
    allowed: true,
    pair: { ...pair, count: pair.count + 1, lastAt: now },
    address: { ...address, count: address.count + 1, lastAt: now },
  };
}

/** A fixed-window counter: allowed while fewer than `max` attempts were made in the window. */
export function decideWindow(
  row: Counter | undefined,
  now: number,
  rule: WindowRule,
): { allowed: true; next: Counter } | { allowed: false; retryAfterMs: number } {
  const counter = currentWindow(row, now, rule.windowMs);
  if (counter.count >= rule.max) {
    return { allowed: false, retryAfterMs: counter.windowStartedAt + rule.windowMs - now };
  }
  return { allowed: true, next: { ...counter, count: counter.count + 1, lastAt: now } };
}

function currentWindow(row: Counter | undefined, now: number, windowMs: number): Counter {
  return row && now - row.windowStartedAt < windowMs ? row : fresh(now);
}

/** Whole seconds for Retry-After: never 0 while a wait remains. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
