/**
 * A tRPC subscription over server-sent events, read with the browser's own EventSource.
 * tRPC's httpSubscriptionLink does the same but lives in @trpc/client's index module with its
 * stream machinery, which the bundler cannot split from the rest of the client: it cost the
 * initial JS about 4 KiB gzipped, past DESIGN §5's budget (ADR 0020). The wire format is
 * @trpc/server 11's `sseStreamProducer`: a "connected" event carrying the client options,
 * "ping" while quiet, one default event per value (`id:` for tracked ones), then "return"
 * when the stream ends or "serialized-error" when it fails. No transformer is configured, so
 * data is plain JSON.
 */

export interface Unsubscribable {
  unsubscribe(): void;
}

/** A tracked event: the server's id and the event. */
export interface Tracked<T> {
  id: string;
  data: T;
}

export interface SseHandlers<T> {
  onData(value: Tracked<T>): void;
  /** The stream failed for good (refused, closed by the server with an error, gone quiet). */
  onError(error: unknown): void;
  /** The server ended the stream. */
  onComplete(): void;
  /** "pending": connected and listening; "connecting": (re)connecting. */
  onConnectionStateChange(state: { state: "connecting" | "pending" }): void;
}

/** An event's JSON payload; null when it has none or it does not parse. */
function parse(event: Event): unknown {
  if (!(event instanceof MessageEvent) || typeof event.data !== "string") return null;
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

/** The error a failed stream reports: the server's message when it sent one. */
export class SubscriptionError extends Error {
  constructor(
    message: string,
    readonly data: unknown = null,
  ) {
    super(message);
    this.name = "SubscriptionError";
  }
}

/** What is used of an EventSource (a test plays the server into a plain EventTarget). */
interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}
type EventSourceFactory = (url: string) => EventSourceLike;

const CLOSED = 2;

/**
 * Opens `path` (e.g. "live.thread") with `input` and reports to `handlers` until
 * unsubscribed. EventSource reconnects a dropped connection itself, sending the last event
 * id, which the server merges into the input; a stream that stays quiet longer than the
 * server's `reconnectAfterInactivityMs` is reported as an error so the caller opens a new one.
 */
export function subscribeSse<T>(
  path: string,
  input: unknown,
  handlers: SseHandlers<T>,
  open: EventSourceFactory = (url) => new EventSource(url),
): Unsubscribable {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const source = open(`/trpc/${path}${query}`);
  let done = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let quietMs = 0;

  const stop = () => {
    done = true;
    if (quietTimer) clearTimeout(quietTimer);
    source.close();
  };
  const fail = (error: unknown) => {
    if (done) return;
    stop();
    handlers.onError(error);
  };
  const heard = () => {
    if (quietTimer) clearTimeout(quietTimer);
    if (quietMs > 0) {
      quietTimer = setTimeout(
        () => fail(new SubscriptionError("The live connection went quiet.")),
        quietMs,
      );
    }
  };

  handlers.onConnectionStateChange({ state: "connecting" });
  source.addEventListener("connected", (event) => {
    const options = parse(event);
    const inactivity =
      typeof options === "object" && options !== null
        ? Reflect.get(options, "reconnectAfterInactivityMs")
        : undefined;
    quietMs = typeof inactivity === "number" && inactivity > 0 ? inactivity : 0;
    heard();
    handlers.onConnectionStateChange({ state: "pending" });
  });
  source.addEventListener("ping", heard);
  source.addEventListener("message", (event) => {
    if (done) return;
    heard();
    const id = event instanceof MessageEvent ? event.lastEventId : "";
    // The server's procedure types the data; the client names it (see live.ts callers).
    handlers.onData({ id, data: parse(event) as T });
  });
  source.addEventListener("serialized-error", (event) => {
    const data = parse(event);
    const message =
      typeof data === "object" && data !== null && typeof Reflect.get(data, "message") === "string"
        ? String(Reflect.get(data, "message"))
        : "The live connection was refused.";
    fail(new SubscriptionError(message, data));
  });
  source.addEventListener("return", () => {
    if (done) return;
    stop();
    handlers.onComplete();
  });
  source.addEventListener("error", () => {
    if (source.readyState === CLOSED) fail(new SubscriptionError("The live connection closed."));
    else if (!done) handlers.onConnectionStateChange({ state: "connecting" });
  });

  return { unsubscribe: stop };
}
