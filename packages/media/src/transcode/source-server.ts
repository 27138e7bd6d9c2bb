import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server hands out: a source's size, and its bytes once they are there. */
export interface ServedSource {
  readonly size: number;
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** The most bytes one read hands a response. */
const WRITE_BYTES = 1024 * 1024;

interface LocalServer {
  port: number;
  sources: Map<string, ServedSource>;
}
let server: Promise<LocalServer> | null = null;

/**
 * Serves `source` at a new loopback address (`http://127.0.0.1:<port>/<token>`) until `stop()`.
 * Each address's token is 128 random bits, so nothing else on the machine can name a source.
 */
export async function serveLocally(source: ServedSource): Promise<{ url: string; stop(): void }> {
  const { port, sources } = await localServer();
  const token = randomBytes(16).toString("hex");
  sources.set(token, source);
  return { url: `http://127.0.0.1:${port}/${token}`, stop: () => sources.delete(token) };
}

/**
 * This process's loopback server for its sources: `GET /<token>` with an optional
 * `Range: bytes=a-b`, as FFmpeg's http protocol reads a seekable input. It never keeps the
 * process alive.
 */
function localServer(): Promise<LocalServer> {
  server ??= new Promise((resolve, reject) => {
    const sources = new Map<string, ServedSource>();
    const http = createServer((req, res) => {
      const source = sources.get((req.url ?? "").slice(1));
      if (!source) return void res.writeHead(404).end();
      if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
      void respond(source, req, res);
    });
    http.once("error", reject);
    http.listen(0, "127.0.0.1", () => {
      http.unref();
      resolve({ port: (http.address() as AddressInfo).port, sources });
    });
  });
  return server;
}

async function respond(source: ServedSource, req: IncomingMessage, res: ServerResponse) {
  const { size } = source;
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
  const start = range ? Number(range[1]) : 0;
  const end = range?.[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
  if (range && (start >= size || end < start)) {
    return void res.writeHead(416, { "content-range": `bytes */${size}` }).end();
  }
  res.writeHead(range ? 206 : 200, {
    "accept-ranges": "bytes",
    "content-type": "application/octet-stream",
    "content-length": String(end - start + 1),
    ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === "HEAD") return void res.end();
  // The size goes out now, not with the first bytes (which may be a chunk's download away).
  res.flushHeaders();
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  try {
    for (let at = start; at <= end && !gone.signal.aborted; ) {
      const bytes = await source.read(at, Math.min(WRITE_BYTES, end + 1 - at), gone.signal);
      at += bytes.byteLength;
      if (!res.write(bytes)) await drained(res);
    }
    res.end();
  } catch (error) {
    if (gone.signal.aborted) return;
    // Cut the connection: FFmpeg must see an error, never a clean end of a short file.
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Resolves when `res` drains or closes, leaving no listener behind (a long response waits often). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
