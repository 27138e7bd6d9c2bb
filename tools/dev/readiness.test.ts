import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { describeFailures, waitForAll, waitForHttp } from "./readiness";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real HTTP server answering `status()` on every request. */
async function serve(status: () => number): Promise<string> {
  const server = createServer((_req, res) => {
    res.statusCode = status();
    res.end("x");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A port nothing listens on: bound once to learn a free number, then released. */
async function closedPortUrl(): Promise<string> {
  const url = await serve(() => 200);
  const server = servers.pop();
  await new Promise((r) => server?.close(r));
  return url;
}

describe("waitForHttp", () => {
  it("resolves once the service starts answering 200", async () => {
    const startedAt = Date.now();
    const url = await serve(() => (Date.now() - startedAt < 300 ? 503 : 200));
    await expect(waitForHttp(url, { timeoutMs: 5_000, intervalMs: 50 })).resolves.toEqual({
      ok: true,
    });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
  });

  it("gives up after the timeout and says what it last saw", async () => {
    const url = await serve(() => 503);
    // fetch's first use loads its HTTP client, which can take seconds on a busy machine; warm it
    // so the timeout below measures waiting for the service, not module loading.
    await (await fetch(url)).text();
    const startedAt = Date.now();
    const result = await waitForHttp(url, { timeoutMs: 2_000, intervalMs: 50 });
    expect(result).toEqual({ ok: false, reason: "HTTP 503" });
    expect(Date.now() - startedAt).toBeLessThan(6_000);
  });

  it("reports a refused connection by its error code", async () => {
    const url = await closedPortUrl();
    await expect(waitForHttp(url, { timeoutMs: 300, intervalMs: 50 })).resolves.toEqual({
      ok: false,
      reason: "ECONNREFUSED",
    });
  });

  it("does not hang on a server that accepts but never answers", async () => {
    const server = createServer(() => {}); // never responds
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const startedAt = Date.now();
    const result = await waitForHttp(url, { timeoutMs: 500, intervalMs: 50 });
    expect(result).toEqual({ ok: false, reason: "no answer" });
    // Hanging would mean until the test's own 30 s timeout; a busy machine may add seconds.
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    server.closeAllConnections();
  });

  it("stops waiting as soon as it is aborted", async () => {
    const url = await closedPortUrl();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const startedAt = Date.now();
    // A timeout far beyond the bound below: only the abort can end the wait in time.
    const result = await waitForHttp(url, { timeoutMs: 60_000, signal: controller.signal });
    expect(result).toEqual({ ok: false, reason: "aborted" });
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});

describe("waitForAll", () => {
  it("names exactly the services that did not come up", async () => {
    const up = await serve(() => 200);
    const down = await closedPortUrl();
    const failures = await waitForAll(
      [
        { name: "api", url: up },
        { name: "edge", url: down },
      ],
      { timeoutMs: 300, intervalMs: 50 },
    );
    expect(failures).toEqual([{ name: "edge", url: down, reason: "ECONNREFUSED" }]);
    expect(describeFailures(failures, 300)).toBe(
      `not ready after 0.3 s:\n  - edge: ${down} (ECONNREFUSED)`,
    );
  });
});
