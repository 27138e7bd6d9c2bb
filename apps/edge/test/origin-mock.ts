import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import worker from "../src/index";

/** What the mocked origin saw: one entry per request the Worker made to it. */
export interface OriginCall {
  url: URL;
  ifNoneMatch: string | null;
  /** The Worker's abort signal for this fetch (its origin timeout). */
  signal: AbortSignal | null;
}

type Reply = (call: OriginCall) => Response | Promise<Response>;

/**
 * Mocks the origin API. The API cannot run inside workerd, and @cloudflare/vitest-pool-workers
 * 0.19 has no `fetchMock` any more (removed with Vitest 4), so the Worker's outbound `fetch` is
 * replaced with a spy: the Worker runs in this same isolate, so it calls the spy. Requests to
 * anywhere but ORIGIN_API_URL fail the test.
 */
export function mockOrigin(reply: Reply) {
  const calls: OriginCall[] = [];
  let current = reply;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!request.url.startsWith(env.ORIGIN_API_URL)) {
      throw new Error(`unexpected outbound fetch to ${request.url}`);
    }
    const call = {
      url,
      ifNoneMatch: request.headers.get("if-none-match"),
      signal: init?.signal ?? null,
    };
    calls.push(call);
    return current(call);
  });
  return {
    calls,
    /** Paths (with canonical query) the origin was asked for, e.g. `/public/courses?level=x`. */
    paths: () => calls.map((c) => `${c.url.pathname}${c.url.search}`),
    /** Changes how the origin answers from now on. */
    answer(next: Reply) {
      current = next;
    },
  };
}

/** A JSON 200 the way the API's public routes answer (public-catalog.ts). */
export function originJson(data: unknown, etag: string): Response {
  return Response.json(data, {
    headers: {
      etag,
      "cache-control":
        "public, max-age=0, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400",
    },
  });
}

export const originDown = () => Response.json({ error: "boom" }, { status: 500 });
export const networkError = (): Response => {
  throw new TypeError("Network connection lost.");
};

/**
 * Calls the Worker's real fetch handler inside workerd and waits for its `waitUntil` work
 * (cache writes, background refreshes), so the next request sees their effect. `bindings`
 * replaces the pool's env, e.g. with a failing KV namespace.
 */
export async function edge(
  path: string,
  init?: RequestInit,
  bindings: Record<string, unknown> = env,
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://edge.test${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A query word no other test uses, so tests never share cache entries (the cache persists). */
export function uniqueWord(): string {
  return `w${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
}
