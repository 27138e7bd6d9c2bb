import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Linux's default ephemeral range starts here; other systems are read as if they had it. */
const DEFAULT_EPHEMERAL_LOW = 32_768;
/** Below this are well-known and commonly configured ports (5432, 8787, 9229…). */
const LOWEST = 10_000;

/** Where the kernel starts handing out ports to port-0 binds and outgoing connections. */
export function ephemeralLow(): number {
  try {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/);
    const n = Number(low);
    return Number.isInteger(n) && n > LOWEST + 1_000 ? n : DEFAULT_EPHEMERAL_LOW;
  } catch {
    return DEFAULT_EPHEMERAL_LOW;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () =>
      server.close(() => resolve(true)),
    );
  });
}

/**
 * A free loopback port for a server a test or bench is about to start, when the port must be
 * known before the server runs (the API and the edge name each other's URLs). It is drawn
 * below the kernel's ephemeral range: a port the kernel handed out for port 0 would be free
 * again the moment we released it, and any other process's port-0 bind or outgoing
 * connection could take it before our server binds. Below the range only another process
 * choosing the same port by hand can, and it is drawn at random from ~20k.
 */
export async function freePort(): Promise<number> {
  const low = LOWEST;
  const high = ephemeralLow() - 1;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free loopback port in ${low}–${high} after 50 tries`);
}
