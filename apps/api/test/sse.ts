import { WEB_ORIGIN } from "./api-process";

export interface SseEvent {
  /** "message" for data; tRPC also sends "connected", "ping", "serialized-error", "return". */
  event: string;
  id: string | undefined;
  data: unknown;
}

export interface SseStream {
  status: number;
  /** The next event that `matches` (others are dropped); rejects if the stream ends first. */
  next(matches?: (e: SseEvent) => boolean): Promise<SseEvent>;
  /** Every event received so far. */
  seen: SseEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens a tRPC subscription over SSE the way the browser's EventSource does (GET, cookie,
 * input in the query string) and parses the stream.
 */
export async function openSubscription(
  url: string,
  path: string,
  { cookie, input }: { cookie?: string; input?: unknown } = {},
): Promise<SseStream> {
  const controller = new AbortController();
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${url}/trpc/${path}${query}`, {
    headers: { accept: "text/event-stream", origin: WEB_ORIGIN, ...(cookie ? { cookie } : {}) },
    signal: controller.signal,
  });
  const seen: SseEvent[] = [];
  let cursor = 0;
  let done = false;
  let wake: () => void = () => {};
  let finish: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const push = (e: SseEvent) => {
    seen.push(e);
    wake();
  };
  void (async () => {
    const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        buffer += chunk.value;
        for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const parsed = parseBlock(block);
          if (parsed) push(parsed);
        }
      }
    } catch {
      // aborted by close()
    } finally {
      done = true;
      wake();
      finish();
    }
  })();
  return {
    status: res.status,
    seen,
    ended,
    close: () => controller.abort(),
    async next(matches = () => true) {
      for (;;) {
        while (cursor < seen.length) {
          const e = seen[cursor++];
          if (e && matches(e)) return e;
        }
        if (done) throw new Error(`stream ended; saw ${JSON.stringify(seen)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}

function parseBlock(block: string): SseEvent | null {
  let event = "message";
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (data.length === 0 && event === "message") return null;
  const text = data.join("\n");
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a non-JSON data line stays text
  }
  return { event, id, data: parsed };
}

/** Data events only (not connected/ping). */
export const isData = (e: SseEvent) => e.event === "message";
