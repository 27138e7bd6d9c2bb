import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { CloseCode, type NeonWsProxy, startNeonWsProxy } from "./index";

let echo: Server;
let echoPort: number;
let echoSockets: Set<Socket>;
let proxy: NeonWsProxy;

beforeEach(async () => {
  echoSockets = new Set();
  echo = createServer((socket) => {
    echoSockets.add(socket);
    socket.on("close", () => echoSockets.delete(socket));
    socket.pipe(socket); // pipe() applies backpressure, like a busy database would.
  });
  echoPort = await listen(echo);
  proxy = await startNeonWsProxy({ port: 0, allowedTargets: [echoPort] });
});

afterEach(async () => {
  await proxy.close();
  echo.close();
});

describe("neon-ws-proxy", () => {
  it("pipes binary frames to an allowed loopback target and back", async () => {
    const ws = await open(`/v1?address=127.0.0.1:${echoPort}`);
    const reply = nextMessage(ws);
    ws.send(Buffer.from([0, 1, 2, 250]));
    expect(await reply).toEqual(Buffer.from([0, 1, 2, 250]));
    ws.close();
  });

  it("delivers a stream much larger than every buffer intact", async () => {
    const ws = await open(`/v1?address=127.0.0.1:${echoPort}`);
    const payload = randomBytes(16 * 1024 * 1024);
    const received = createHash("sha256");
    let receivedBytes = 0;
    const done = new Promise<void>((resolve) => {
      ws.on("message", (data: Buffer) => {
        received.update(data);
        receivedBytes += data.length;
        if (receivedBytes >= payload.length) resolve();
      });
    });
    for (let offset = 0; offset < payload.length; offset += 64 * 1024) {
      ws.send(payload.subarray(offset, offset + 64 * 1024));
    }
    await done;
    expect(receivedBytes).toBe(payload.length);
    expect(received.digest("hex")).toBe(createHash("sha256").update(payload).digest("hex"));
    ws.close();
  });

  it.each([
    ["a host that is not loopback", "/v1?address=10.1.2.3:5432"],
    ["a port that is not allowlisted", "/v1?address=127.0.0.1:22"],
    ["an unknown path", `/admin?address=127.0.0.1:${echoPort}`],
  ])("closes the connection with 1008 for %s", async (_case, path) => {
    const ws = new WebSocket(`${proxy.url}${path}`);
    const [code] = await once(ws, "close");
    expect(code).toBe(CloseCode.policyViolation);
    expect(echoSockets.size).toBe(0);
  });

  it("refuses connections from browser pages (Origin header)", async () => {
    const ws = new WebSocket(`${proxy.url}/v1?address=127.0.0.1:${echoPort}`, {
      origin: "https://evil.example",
    });
    const [code] = await once(ws, "close");
    expect(code).toBe(CloseCode.policyViolation);
  });

  it("closes with 1014 when nothing listens on the allowed target", async () => {
    const closed = createServer();
    const deadPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const deadProxy = await startNeonWsProxy({ allowedTargets: [deadPort] });
    try {
      const ws = new WebSocket(`${deadProxy.url}/v1?address=127.0.0.1:${deadPort}`);
      const [code] = await once(ws, "close");
      expect(code).toBe(CloseCode.badGateway);
    } finally {
      await deadProxy.close();
    }
  });

  it("closes the database socket when the client goes away", async () => {
    const ws = await open(`/v1?address=127.0.0.1:${echoPort}`);
    await roundTrip(ws);
    const [upstream] = echoSockets;
    ws.close();
    await once(upstream as Socket, "close");
    expect(echoSockets.size).toBe(0);
  });

  it("closes the client when the database hangs up", async () => {
    const ws = await open(`/v1?address=127.0.0.1:${echoPort}`);
    await roundTrip(ws);
    for (const socket of echoSockets) socket.end();
    const [code] = await once(ws, "close");
    expect(code).toBe(CloseCode.normal);
  });

  it("close() ends every open connection on both sides", async () => {
    const clients = [
      await open(`/v1?address=127.0.0.1:${echoPort}`),
      await open(`/v1?address=localhost:${echoPort}`),
    ];
    await Promise.all(clients.map(roundTrip));
    const upstreamsClosed = [...echoSockets].map((s) => once(s, "close"));
    const clientsClosed = clients.map((ws) => once(ws, "close"));

    await proxy.close();

    await Promise.all([...upstreamsClosed, ...clientsClosed]);
    await expect(open(`/v1?address=127.0.0.1:${echoPort}`)).rejects.toThrow();
  });
});

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("not a TCP server");
  return address.port;
}

async function open(path: string): Promise<WebSocket> {
  const ws = new WebSocket(`${proxy.url}${path}`);
  await once(ws, "open");
  return ws;
}

function nextMessage(ws: WebSocket): Promise<Buffer> {
  return once(ws, "message").then(([data]) => data as Buffer);
}

/** Proves the pipe is connected end to end (the TCP side exists once a reply comes back). */
async function roundTrip(ws: WebSocket): Promise<void> {
  const reply = nextMessage(ws);
  ws.send(Buffer.from("ping"));
  await reply;
}
