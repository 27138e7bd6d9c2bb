import { createServer, type IncomingMessage } from "node:http";
import { connect, type Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { bridge, CloseCode } from "./bridge";
import { parseTarget } from "./target";

export interface NeonWsProxyOptions {
  /** Port to listen on (always on 127.0.0.1); 0 or omitted picks a free one. */
  port?: number;
  /** Ports on loopback hosts (127.0.0.1, localhost, ::1) that clients may reach, e.g. [5432]. */
  allowedTargets: readonly number[];
  /** Receives one line per connection event; silent by default. */
  log?: (message: string) => void;
}

export interface NeonWsProxy {
  /** `ws://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, the form `createDatabase({ driver: "neon", wsProxy })` takes. */
  address: string;
  port: number;
  /** Stops listening and closes every open client and database socket; safe to call twice. */
  close(): Promise<void>;
}

const LISTEN_HOST = "127.0.0.1";

/**
 * A WebSocket-to-TCP proxy in the shape of Neon's wsproxy (`/v1?address=host:port`), so the
 * Neon serverless driver can talk to a plain local Postgres in dev and tests.
 */
export async function startNeonWsProxy(options: NeonWsProxyOptions): Promise<NeonWsProxy> {
  const allowedPorts = new Set(options.allowedTargets);
  const log = options.log ?? (() => {});
  const upstreams = new Set<Socket>();

  const server = createServer((_req, res) => {
    res.writeHead(426, { "content-type": "text/plain" }).end("WebSocket upgrade required\n");
  });
  const wss = new WebSocketServer({ server, perMessageDeflate: false });

  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    // Browsers always send Origin and may open WebSockets to 127.0.0.1 from any web page;
    // the driver in Node sends none. Refusing them keeps local Postgres off the web.
    if (req.headers.origin !== undefined) {
      log(`refused browser origin ${req.headers.origin}`);
      return ws.close(CloseCode.policyViolation, "browser origins are not allowed");
    }
    const parsed = parseTarget(req.url ?? "/", allowedPorts);
    if (!parsed.ok) {
      log(`refused ${req.url}: ${parsed.reason}`);
      return ws.close(CloseCode.policyViolation, parsed.reason);
    }
    const { host, port } = parsed.target;
    const tcp = connect({ host, port });
    tcp.setNoDelay(true);
    upstreams.add(tcp);
    tcp.on("close", () => upstreams.delete(tcp));
    log(`proxying to ${host}:${port}`);
    bridge(ws, tcp);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, LISTEN_HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const info = server.address();
  if (info === null || typeof info === "string") throw new Error("proxy is not listening on TCP");
  const address = `${LISTEN_HOST}:${info.port}`;

  // Idempotent: a test's own close() and its afterEach cleanup may both call it.
  let closing: Promise<void> | undefined;
  const close = async () => {
    for (const ws of wss.clients) ws.terminate();
    for (const tcp of upstreams) tcp.destroy();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((err) => (err ? reject(err) : resolve())),
    );
  };

  return {
    url: `ws://${address}`,
    address,
    port: info.port,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
