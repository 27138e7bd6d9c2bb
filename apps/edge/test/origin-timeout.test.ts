import { afterEach, describe, expect, it, vi } from "vitest";
import { ORIGIN_TIMEOUT_MS } from "../src/catalog/origin";
import { edge, mockOrigin, originJson, uniqueWord } from "./origin-mock";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const page = (label: string) => ({ items: [{ slug: label }], total: 1, page: 1, pageSize: 20 });

/**
 * The origin from now on accepts the request and never answers: only the Worker's own abort
 * ends the fetch. `asked` settles once the Worker is waiting on it.
 */
function hangOrigin(origin: ReturnType<typeof mockOrigin>) {
  let asked: () => void = () => {};
  const waiting = new Promise<void>((resolve) => {
    asked = resolve;
  });
  origin.answer(
    ({ signal }) =>
      new Promise<Response>((_, reject) => {
        signal?.addEventListener("abort", () => reject(signal.reason));
        asked();
      }),
  );
  return waiting;
}

/**
 * Starts a request whose origin hangs and runs the Worker's timers (faked) up to just before
 * the 5 s limit: the edge must still be waiting then, and must have answered right after it.
 */
async function answerAfterTimeout(path: string, origin: ReturnType<typeof mockOrigin>) {
  const asked = hangOrigin(origin);
  let answered = false;
  const pending = edge(path).finally(() => {
    answered = true;
  });
  await asked;
  await vi.advanceTimersByTimeAsync(ORIGIN_TIMEOUT_MS - 1);
  const answeredEarly = answered;
  await vi.advanceTimersByTimeAsync(1);
  return { answeredEarly, res: await pending };
}

describe("GET /courses when the origin hangs (origin mocked, timers faked)", () => {
  it("gives up after 5 s and answers 503 when nothing is cached, without waiting for the hang", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const origin = mockOrigin(() => originJson(page("never"), '"n"'));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

    const { answeredEarly, res } = await answerAfterTimeout(
      `/courses?query=${uniqueWord()}`,
      origin,
    );

    expect(ORIGIN_TIMEOUT_MS).toBe(5_000);
    expect(answeredEarly).toBe(false);
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toMatchObject({ error: { code: "origin_unavailable" } });
    expect(origin.calls).toHaveLength(1);
    expect(origin.calls[0]?.signal?.aborted).toBe(true);
  });

  it("gives up after 5 s and serves the last good copy as STALE (stale-if-error)", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("last good"), '"lg"'));
    await edge(`/courses?query=${word}`);
    // Long past fresh and stale-while-revalidate, inside stale-if-error: the origin is asked.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    vi.setSystemTime(Date.now() + 3_600_000);

    const { answeredEarly, res } = await answerAfterTimeout(`/courses?query=${word}`, origin);

    expect(answeredEarly).toBe(false);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-lumen-cache")).toBe("STALE");
    expect(res.headers.get("x-lumen-stale-reason")).toBe("origin-error");
    expect(await res.json()).toEqual(page("last good"));
    expect(origin.calls).toHaveLength(2);
    expect(origin.calls[1]?.signal?.aborted).toBe(true);
  });

  it("logs the timeout as the origin being unavailable, with the resource asked for", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const word = uniqueWord();
    const origin = mockOrigin(() => originJson(page("never"), '"n"'));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });

    await answerAfterTimeout(`/courses?query=${word}`, origin);

    const lines = warn.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "origin unavailable",
        route: "/courses",
        resource: `/courses?query=${word}`,
        reason: "The origin did not answer in time.",
      }),
    ]);
  });
});
