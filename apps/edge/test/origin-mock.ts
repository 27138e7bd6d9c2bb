import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, vi } from "vitest";
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

const scopes = new Map<string, number>();

/**
 * CATALOG_KV for the running test alone: the pool's one real namespace, with this test's keys
 * under a prefix of its own. The catalog version (and so every cache key) is then per test: a
 * purge in one test cannot turn another's expected HIT into a MISS, whatever ran before it.
 */
export function catalogKv(kv: KVNamespace = env.CATALOG_KV): KVNamespace {
  const { testPath, currentTestName } = expect.getState();
  const test = `${testPath ?? ""}>${currentTestName ?? ""}`;
  if (!scopes.has(test)) scopes.set(test, scopes.size + 1);
  const prefix = `test-${scopes.get(test)}:`;
  return {
    // Text values only: what the catalog stores (its version).
    get: (key: string, options?: Partial<KVNamespaceGetOptions<"text">>) =>
      kv.get(prefix + key, { ...options, type: "text" }),
    getWithMetadata: (key: string, options?: Partial<KVNamespaceGetOptions<"text">>) =>
      kv.getWithMetadata(prefix + key, { ...options, type: "text" }),
    put: (
      key: string,
      ...rest: Parameters<KVNamespace["put"]> extends [string, ...infer R] ? R : never
    ) => kv.put(prefix + key, ...rest),
    delete: (key: string) => kv.delete(prefix + key),
    list: (options?: KVNamespaceListOptions) =>
      kv.list({ ...options, prefix: prefix + (options?.prefix ?? "") }),
  } as KVNamespace;
}

/**
 * Calls the Worker's real fetch handler inside workerd and waits for its `waitUntil` work
 * (cache writes, background refreshes), so the next request sees their effect. `bindings`
 * replaces the pool's env, e.g. with a failing KV namespace; by default it is the pool's env
 * with this test's own CATALOG_KV (catalogKv).
 */
export async function edge(
  path: string,
  init?: RequestInit,
  bindings: Record<string, unknown> = { ...env, CATALOG_KV: catalogKv() },
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
