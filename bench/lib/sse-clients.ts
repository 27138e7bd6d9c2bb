import type { Server } from "node:http";
import type { SessionUser } from "@lumen/core/kernel";
import { createLiveHub } from "@lumen/core/live";
import { createTestWorld } from "@lumen/core/testing";
import type { DatabaseClient } from "@lumen/db";
import { appRouter, createContextInner } from "@lumen/trpc";
import { createHTTPServer } from "@trpc/server/adapters/standalone";

/**
 * The live delivery path as a browser meets it, for benchmarks: the real router, the process's
 * LISTEN hub and SSE over real sockets. The session is not (the caller's user comes from an
 * `x-bench-user` header): sign-in is not what is being timed.
 */
export async function startLiveServer(database: DatabaseClient, users: readonly SessionUser[]) {
  const byId = new Map(users.map((u) => [u.id, u]));
  // The world's services share the bench's database; closing it stays the bench's job.
  const world = await createTestWorld({
    database: { ...database, url: undefined, close: async () => {} },
  });
  const live = createLiveHub(database.connection);
  await live.ready;
  const server: Server = createHTTPServer({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req }) => {
      const header = req.headers["x-bench-user"];
      return createContextInner({
        db: world.db,
        outbox: world.outbox,
        search: world.search,
        media: world.media,
        progress: world.progress,
        live,
        user: (typeof header === "string" && byId.get(header)) || null,
        currentUser: async () => null,
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("not a TCP address");
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Open streams (for a check that every client is connected). */
    streams: () => live.size(),
    close: async () => {
      await live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await world.close();
    },
  };
}

export interface SseClients {
  /** Resolves once every client has received `count` data events in all. */
  allReceived(count: number): Promise<void>;
  close(): void;
}

/**
 * One SSE connection per user to `path` (a tRPC subscription), as EventSource would open it;
 * counts the data events each receives (the initial "ready" is not counted).
 */
export async function connectSseClients(
  url: string,
  users: readonly SessionUser[],
  path: string,
): Promise<SseClients> {
  const controller = new AbortController();
  const received = users.map(() => 0);
  let waiters: Array<() => void> = [];
  const bump = (i: number) => {
    received[i] = (received[i] ?? 0) + 1;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  await Promise.all(
    users.map(async (user, i) => {
      const res = await fetch(`${url}/trpc/${path}`, {
        headers: { accept: "text/event-stream", "x-bench-user": user.id },
        signal: controller.signal,
      });
      const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
      if (!reader) throw new Error(`no stream for ${path}: ${res.status}`);
      let ready: () => void = () => {};
      const readied = new Promise<void>((resolve) => {
        ready = resolve;
      });
      void (async () => {
        let buffer = "";
        try {
          for (;;) {
            const chunk = await reader.read();
            if (chunk.done) return;
            buffer += chunk.value;
            for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              // Data events only: tRPC's "connected" and "ping" carry an event name.
              if (/^event:/m.test(block) || !/^data:/m.test(block)) continue;
              if (block.includes('"type":"ready"')) ready();
              else bump(i);
            }
          }
        } catch {
          // closed
        }
      })();
      await readied;
    }),
  );
  return {
    allReceived: (count) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (received.every((n) => n >= count)) resolve();
          else waiters.push(check);
        };
        check();
      }),
    close: () => controller.abort(),
  };
}
