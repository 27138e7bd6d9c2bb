import { type DatabaseConnection, listenForNotifications } from "@lumen/db";
import { z } from "zod";
import { LIVE_CHANNEL, type LiveEvent, type LiveTopic } from "./publish";

/**
 * What a subscriber hears: an event on its topic, or "resync" when the process's listener
 * lost its connection (NOTIFYs sent meanwhile are gone: re-read what may have changed).
 */
export type LiveSignal = { kind: "event"; event: LiveEvent } | { kind: "resync" };

export interface LiveHub {
  /** Resolves once the listener is in place: events committed after this are heard. */
  ready: Promise<void>;
  /**
   * Signals for `topic` until `signal` aborts or the hub closes (then the iteration ends).
   * Signals queue per subscriber, so a slow reader loses nothing and delays nobody else.
   */
  stream(topic: LiveTopic, signal?: AbortSignal): AsyncIterable<LiveSignal>;
  /** How many streams are open (for tests and logs). */
  size(): number;
  /** Ends every stream, then stops listening (SIGTERM: lets SSE responses finish). */
  close(): Promise<void>;
}

export interface LiveHubOptions {
  onError?: (error: Error) => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

interface Subscriber {
  push(signal: LiveSignal): void;
  end(): void;
}

/** One per process: one LISTEN on the live channel, fanned out in-process by topic. */
export function createLiveHub(
  connection: DatabaseConnection,
  options: LiveHubOptions = {},
): LiveHub {
  const byTopic = new Map<string, Set<Subscriber>>();
  let closed = false;

  const deliver = (payload: string) => {
    const parsed = parseEvent(payload);
    if (!parsed) return;
    const { topic, event } = parsed;
    for (const subscriber of byTopic.get(topic) ?? []) subscriber.push({ kind: "event", event });
  };
  const listener = listenForNotifications(
    connection,
    LIVE_CHANNEL,
    {
      onMessage: deliver,
      onConnected: (gap) => {
        if (!gap) return;
        for (const set of byTopic.values()) for (const s of set) s.push({ kind: "resync" });
      },
      onError: options.onError,
    },
    options,
  );

  const stream = (topic: LiveTopic, signal?: AbortSignal): AsyncIterable<LiveSignal> => ({
    [Symbol.asyncIterator]() {
      const queue: LiveSignal[] = [];
      let ended = closed || signal?.aborted === true;
      let wake: (() => void) | undefined;
      const subscriber: Subscriber = {
        push(item) {
          queue.push(item);
          wake?.();
        },
        end() {
          ended = true;
          wake?.();
        },
      };
      const remove = () => {
        const set = byTopic.get(topic);
        set?.delete(subscriber);
        if (set?.size === 0) byTopic.delete(topic);
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = () => subscriber.end();
      if (!ended) {
        const set = byTopic.get(topic) ?? new Set();
        set.add(subscriber);
        byTopic.set(topic, set);
        signal?.addEventListener("abort", onAbort, { once: true });
      }
      return {
        async next(): Promise<IteratorResult<LiveSignal>> {
          for (;;) {
            const item = queue.shift();
            if (item) return { value: item, done: false };
            if (ended) {
              remove();
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
          }
        },
        async return(): Promise<IteratorResult<LiveSignal>> {
          ended = true;
          remove();
          return { value: undefined, done: true };
        },
      };
    },
  });

  return {
    ready: listener.ready,
    stream,
    size: () => [...byTopic.values()].reduce((sum, set) => sum + set.size, 0),
    close: async () => {
      closed = true;
      for (const set of byTopic.values()) for (const s of set) s.end();
      await listener.close();
    },
  };
}

const payloadSchema = z.object({ topic: z.string(), type: z.string(), id: z.string().optional() });

/** Anything else on the channel (a hand-typed NOTIFY, a newer format) is ignored. */
function parseEvent(payload: string): { topic: string; event: LiveEvent } | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(value);
  if (!parsed.success) return null;
  const { topic, type, id } = parsed.data;
  return { topic, event: id === undefined ? { type } : { type, id } };
}
