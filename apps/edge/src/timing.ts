/** A phase of a request the Worker reports in Server-Timing. */
export type TimingPhase = "kv" | "cache" | "origin" | "postgres" | "r2";

/**
 * One request's in-Worker time, up to its response's headers (a streamed body is not in it), and
 * its phases: the time spent awaiting KV, the Cache API, the origin, Postgres or R2 (a phase
 * awaited several times is summed). workerd's clock advances only
 * across I/O (a Spectre mitigation), so pure CPU work reads as 0 and the figures tick in whole
 * milliseconds; the I/O they cover is what they are for.
 */
export class ServerTiming {
  readonly startedAt = performance.now();
  readonly #phases = new Map<TimingPhase, number>();

  /** Awaits `work`, adding its duration to `phase` whether it resolves or rejects. */
  async measure<T>(phase: TimingPhase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.#phases.set(phase, (this.#phases.get(phase) ?? 0) + performance.now() - started);
    }
  }

  /** `worker;dur=12.0, kv;dur=1.0, origin;dur=10.0` (ms), in the order the phases began. */
  header(): string {
    const parts = [`worker;dur=${(performance.now() - this.startedAt).toFixed(1)}`];
    for (const [phase, ms] of this.#phases) parts.push(`${phase};dur=${ms.toFixed(1)}`);
    return parts.join(", ");
  }
}

/** For code paths called outside a request's timing (tests, background refreshes). */
export const untimed = {
  measure: <T>(_phase: TimingPhase, work: () => Promise<T>): Promise<T> => work(),
};

export type PhaseTimer = Pick<ServerTiming, "measure">;
