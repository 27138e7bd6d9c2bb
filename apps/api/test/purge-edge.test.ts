import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { purgeEdgeHandler } from "../src/jobs/purge-edge";

const SECRET = "test-purge-secret-that-is-long-enough";
const payload = { courseId: "7f1c2a34-5b6d-4e8f-9a0b-1c2d3e4f5a6b", slug: "intro-to-stats" };
const context = () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal });

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: unknown;
}

/** A real HTTP server on loopback standing in for the edge Worker's purge endpoint. */
async function fakeEdge(answer: (req: IncomingMessage) => { status: number; body: unknown }) {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    received.push({
      method: req.method,
      url: req.url,
      authorization: req.headers.authorization,
      body: raw ? JSON.parse(raw) : undefined,
    });
    const { status, body } = answer(req);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const quietLogger = { info: () => {} };

describe("purge-edge job (a local HTTP server stands in for the edge)", () => {
  it("POSTs the course to the edge's purge endpoint with the bearer secret", async () => {
    const edge = await fakeEdge(() => ({ status: 200, body: { version: "2" } }));
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: `${edge.url}/`, EDGE_PURGE_SECRET: SECRET },
      logger: quietLogger,
    });

    await handler.handle(payload, context());

    expect(edge.received).toEqual([
      {
        method: "POST",
        url: "/internal/catalog/purge",
        authorization: `Bearer ${SECRET}`,
        body: payload,
      },
    ]);
  });

  it("running the same job twice is harmless: both attempts succeed", async () => {
    let version = 1;
    const edge = await fakeEdge(() => ({ status: 200, body: { version: String(++version) } }));
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: edge.url, EDGE_PURGE_SECRET: SECRET },
      logger: quietLogger,
    });

    await handler.handle(payload, context());
    await handler.handle(payload, { ...context(), attempt: 1 });

    expect(edge.received).toHaveLength(2);
  });

  it("throws on a non-2xx answer, so the job runner retries it", async () => {
    const edge = await fakeEdge(() => ({
      status: 401,
      body: { error: { code: "unauthorized", message: "Bad purge secret" } },
    }));
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: edge.url, EDGE_PURGE_SECRET: "wrong-secret-but-long-enough-for-zod" },
      logger: quietLogger,
    });

    await expect(handler.handle(payload, context())).rejects.toThrow(/401.*Bad purge secret/);
  });

  it("throws when the edge cannot be reached at all", async () => {
    const edge = await fakeEdge(() => ({ status: 200, body: {} }));
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    const handler = purgeEdgeHandler({
      env: { EDGE_URL: edge.url, EDGE_PURGE_SECRET: SECRET },
      logger: quietLogger,
    });

    await expect(handler.handle(payload, context())).rejects.toThrow();
  });
});
