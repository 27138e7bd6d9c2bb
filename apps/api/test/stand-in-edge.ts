import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** One request the stand-in edge received. */
export interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: unknown;
}

/** Shared job context for calling a handler directly. */
export const jobContext = () => ({
  jobId: "job-1",
  attempt: 0,
  signal: new AbortController().signal,
});

const servers: Server[] = [];
afterEach(async () => {
  // Closing a server twice only reports an error to the callback; ignore it.
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/**
 * A real HTTP server on loopback standing in for the edge Worker's internal routes (catalog
 * purge, certificate publish): it records every request and answers with `answer`. Closed
 * after each test.
 */
export async function standInEdge(
  answer: (req: IncomingMessage) => { status: number; body: unknown },
) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
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
  /** Stops answering now, e.g. to test an unreachable edge. */
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${port}`, received, close };
}
