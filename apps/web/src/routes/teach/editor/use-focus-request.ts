import { useEffect, useState } from "react";

/**
 * Focuses an element by id once it exists: after a tab switch or an add, the target renders
 * a frame or two later. Gives up after about half a second.
 */
export function useFocusRequest() {
  const [request, setRequest] = useState<{ id: string; at: number } | null>(null);
  useEffect(() => {
    if (!request) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const element = document.getElementById(request.id);
      // Inside a panel that is still hidden, focus() would silently do nothing: wait.
      if (element && element.getClientRects().length > 0) {
        element.focus();
        element.scrollIntoView({ block: "nearest" });
        return;
      }
      if (frames++ < 30) handle = requestAnimationFrame(attempt);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [request]);
  return (id: string) => setRequest({ id, at: Date.now() });
}
