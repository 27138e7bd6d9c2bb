import { Client as NeonClient } from "@neondatabase/serverless";
import pg from "pg";
import type { DatabaseConnection } from "./client";

export interface ListenerHandlers {
  /** One NOTIFY payload on the channel. */
  onMessage(payload: string): void;
  /**
   * The listener is (again) connected. `gap` is true after a lost connection: NOTIFYs sent
   * while it was down are gone for good, so whoever depends on them must re-read.
   */
  onConnected?(gap: boolean): void;
  /** The dedicated connection failed; the listener retries with backoff. */
  onError?(error: Error): void;
}

export interface NotificationListener {
  /** Resolves once the first LISTEN is in place (or the listener was closed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Backoff between reconnection attempts: min, doubling up to max (ms). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Channel names go into SQL as identifiers: keep them to plain lowercase names. */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

interface Session {
  on(event: "notification", fn: (message: { payload?: string | undefined }) => void): void;
  on(event: "error", fn: (error: Error) => void): void;
  on(event: "end", fn: () => void): void;
  connect(): Promise<unknown>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}

/**
 * LISTENs on `channel` over one dedicated session (never a pooled connection: LISTEN belongs
 * to a session), reconnecting with backoff when it drops. On PGlite in this process it uses
 * the engine's own listen, which cannot drop.
 */
export function listenForNotifications(
  connection: DatabaseConnection,
  channel: string,
  handlers: ListenerHandlers,
  options: ListenOptions = {},
): NotificationListener {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name ${JSON.stringify(channel)}`);
  if (connection.driver === "pglite") {
    const unlisten = connection.pglite.listen(channel, (payload) => handlers.onMessage(payload));
    const ready = unlisten.then(() => handlers.onConnected?.(false));
    return {
      ready,
      close: async () => {
        await (await unlisten)();
      },
    };
  }

  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  let closed = false;
  let session: Session | undefined;
  let retry: NodeJS.Timeout | undefined;
  let backoff = minBackoff;
  let everConnected = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const open = (): Session =>
    connection.driver === "neon"
      ? // neonConfig (WebSocket constructor, proxy) was set when its pool was created.
        new NeonClient({ connectionString: connection.url })
      : new pg.Client({ connectionString: connection.url });

  const connect = async () => {
    retry = undefined;
    if (closed) return;
    const current = open();
    session = current;
    let failed = false;
    const fail = (error: Error) => {
      if (failed || closed) return;
      failed = true;
      handlers.onError?.(error);
      void current.end().catch(() => {});
      if (session === current) session = undefined;
      if (!closed) {
        retry = setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, maxBackoff);
      }
    };
    current.on("error", fail);
    current.on("end", () => fail(new Error("live listener connection ended")));
    current.on("notification", (message) => {
      if (message.payload !== undefined) handlers.onMessage(message.payload);
    });
    try {
      await current.connect();
      await current.query(`listen ${channel}`);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closed || failed) return;
    backoff = minBackoff;
    handlers.onConnected?.(everConnected);
    everConnected = true;
    markReady();
  };
  void connect();

  return {
    ready,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      markReady();
      const current = session;
      session = undefined;
      await current?.end().catch(() => {});
    },
  };
}
