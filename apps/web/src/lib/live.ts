import { useEffect, useRef, useState } from "react";
import type { SseHandlers, Unsubscribable } from "./sse-subscription";

/** "open": events arrive live; "connecting": (re)connecting, nothing live meanwhile. */
export type LiveStatus = "connecting" | "open";

type Subscribe<T> = (
  input: { lastEventId?: string | null } | undefined,
  handlers: SseHandlers<T>,
) => Unsubscribable;

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Keeps one live subscription open while mounted. EventSource reconnects dropped
 * connections itself (sending the last event id); when the server ends the stream (it shut
 * down, or refused), this opens a new one after a growing pause, again with the last id, so
 * the server replays what was missed. `subscribe` should be stable for one subscription;
 * `key` restarts it (e.g. another thread).
 */
export function useLiveSubscription<T>(
  key: string | null,
  subscribe: Subscribe<T>,
  onEvent: (event: T) => void,
): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const subscribeRef = useRef(subscribe);
  subscribeRef.current = subscribe;

  useEffect(() => {
    if (key === null) return;
    let lastEventId: string | null = null;
    let current: Unsubscribable | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pause = RETRY_MIN_MS;
    let stopped = false;
    const again = () => {
      current?.unsubscribe();
      current = undefined;
      setStatus("connecting");
      if (stopped) return;
      retry = setTimeout(open, pause);
      pause = Math.min(pause * 2, RETRY_MAX_MS);
    };
    const open = () => {
      current = subscribeRef.current(lastEventId === null ? undefined : { lastEventId }, {
        onData: ({ id, data }) => {
          lastEventId = id;
          pause = RETRY_MIN_MS;
          handler.current(data);
        },
        onError: again,
        onComplete: again,
        onConnectionStateChange: ({ state }) =>
          setStatus(state === "pending" ? "open" : "connecting"),
      });
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      current?.unsubscribe();
    };
  }, [key]);

  return status;
}
