export interface ReadinessCheck {
  name: string;
  url: string;
}

export interface ReadinessFailure extends ReadinessCheck {
  /** The last thing that went wrong: a connection error or an unexpected status. */
  reason: string;
}

export interface WaitOptions {
  timeoutMs: number;
  /** Aborted when waiting no longer makes sense (a process died, the user pressed Ctrl-C). */
  signal?: AbortSignal;
  intervalMs?: number;
}

/** Polls `url` until it answers 200; resolves with why not if `timeoutMs` passes first. */
export async function waitForHttp(
  url: string,
  { timeoutMs, signal, intervalMs = 250 }: WaitOptions,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  let reason = "not tried";
  while (!signal?.aborted) {
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, reason };
    // Each attempt is bounded too: a server that accepts but never answers is not ready.
    const attempt = AbortSignal.timeout(Math.min(left, 2_000));
    const cutByDeadline = left < 2_000;
    try {
      const response = await fetch(url, {
        signal: signal ? AbortSignal.any([signal, attempt]) : attempt,
        redirect: "manual",
      });
      await response.body?.cancel();
      if (response.status === 200) return { ok: true };
      reason = `HTTP ${response.status}`;
    } catch (error) {
      const seen = describeFetchError(error);
      // A last attempt cut short by the overall deadline saw nothing new: keep what an
      // earlier attempt saw (a busy machine once turned "HTTP 503" into "no answer" this way).
      if (!(seen === "no answer" && cutByDeadline && reason !== "not tried")) reason = seen;
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())), signal);
  }
  return { ok: false, reason: "aborted" };
}

/** Waits for every check in parallel; the result lists those that never came up. */
export async function waitForAll(
  checks: readonly ReadinessCheck[],
  options: WaitOptions,
): Promise<ReadinessFailure[]> {
  const results = await Promise.all(
    checks.map(async (check) => ({ check, result: await waitForHttp(check.url, options) })),
  );
  return results.flatMap(({ check, result }) =>
    result.ok ? [] : [{ ...check, reason: result.reason }],
  );
}

export function describeFailures(failures: readonly ReadinessFailure[], timeoutMs: number) {
  const lines = failures.map((f) => `  - ${f.name}: ${f.url} (${f.reason})`);
  return `not ready after ${timeoutMs / 1000} s:\n${lines.join("\n")}`;
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "no answer";
  // undici hides the socket error (ECONNREFUSED, …) in `cause`.
  const cause = error.cause;
  if (cause instanceof Error && "code" in cause && typeof cause.code === "string")
    return cause.code;
  return error.message;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
