import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type SseHandlers,
  SubscriptionError,
  subscribeSse,
  type Tracked,
} from "./sse-subscription";

/** A stand-in EventSource (node has none): the test plays the server's events into it. */
class FakeSource extends EventTarget {
  readyState = 1;
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: string, lastEventId = "") {
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId }));
  }
}

function open<T>(input: unknown) {
  const seen = {
    data: [] as Array<Tracked<T>>,
    errors: [] as unknown[],
    completed: 0,
    states: [] as string[],
  };
  const handlers: SseHandlers<T> = {
    onData: (value) => seen.data.push(value),
    onError: (error) => seen.errors.push(error),
    onComplete: () => seen.completed++,
    onConnectionStateChange: ({ state }) => seen.states.push(state),
  };
  let source: FakeSource | undefined;
  const subscription = subscribeSse<T>("live.thread", input, handlers, (url) => {
    source = new FakeSource(url);
    return source;
  });
  if (!source) throw new Error("no EventSource opened");
  return { source, seen, subscription };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("subscribeSse reads tRPC 11's server-sent events", () => {
  it("opens the procedure's URL with its input and reports tracked events with their ids", () => {
    const { source, seen } = open<{ type: string }>({ threadId: "t 1", lastEventId: null });
    expect(source.url).toBe(
      `/trpc/live.thread?input=${encodeURIComponent('{"threadId":"t 1","lastEventId":null}')}`,
    );
    expect(seen.states).toEqual(["connecting"]);
    source.emit("connected", "{}");
    source.emit("message", '{"type":"reply","id":"r1"}', "42");
    expect(seen.states).toEqual(["connecting", "pending"]);
    expect(seen.data).toEqual([{ id: "42", data: { type: "reply", id: "r1" } }]);
  });

  it("reports a refusal with the server's message and closes", () => {
    const { source, seen } = open({});
    source.emit("serialized-error", '{"message":"Only members can follow this thread."}');
    expect(source.closed).toBe(true);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toBeInstanceOf(SubscriptionError);
    expect(seen.errors[0]).toMatchObject({ message: "Only members can follow this thread." });
  });

  it("completes when the server ends the stream, and reports a closed connection as an error", () => {
    const ended = open({});
    ended.source.emit("return", "");
    expect(ended.seen.completed).toBe(1);
    expect(ended.source.closed).toBe(true);

    const dropped = open({});
    dropped.source.emit("error");
    expect(dropped.seen.errors).toEqual([]);
    expect(dropped.seen.states.at(-1)).toBe("connecting");
    dropped.source.readyState = 2;
    dropped.source.emit("error");
    expect(dropped.seen.errors).toHaveLength(1);
  });

  it("gives up on a stream quieter than the server's inactivity limit; pings keep it open", () => {
    const { source, seen } = open({});
    source.emit("connected", '{"reconnectAfterInactivityMs":40000}');
    vi.advanceTimersByTime(30_000);
    source.emit("ping", "");
    vi.advanceTimersByTime(30_000);
    expect(seen.errors).toEqual([]);
    vi.advanceTimersByTime(10_001);
    expect(seen.errors).toHaveLength(1);
    expect(source.closed).toBe(true);
  });

  it("stops reporting once unsubscribed", () => {
    const { source, seen, subscription } = open({});
    subscription.unsubscribe();
    expect(source.closed).toBe(true);
    source.emit("message", '{"type":"ready"}', "1");
    source.emit("return", "");
    expect(seen.data).toEqual([]);
    expect(seen.completed).toBe(0);
  });
});
