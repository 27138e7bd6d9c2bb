/** Attempts a delivery gets on its schedule before it fails for good. */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** Deliveries in a row that failed for good before the endpoint is turned off. */
export const DISABLE_AFTER_FAILURES = 15;

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60 * 60 * 1000;

/**
 * How long to wait after failed attempt `attempt` (1-based): 30 s × 4^(attempt−1), capped at
 * 10 h — 30 s, 2 min, 8 min, 32 min, 2 h 8 min, 8 h 32 min, 10 h: eight attempts over about
 * 21 h — with ±15 % jitter so endpoints that failed together are not retried together.
 * `random` in [0, 1); 0.5 gives the exact schedule.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 4 ** (attempt - 1), MAX_RETRY_MS);
  return Math.round(base * (0.85 + 0.3 * random()));
}
