import type { ProgressQueue } from "./progress-queue";

/** Beacons on `pagehide` and when the page is hidden; a flush when the network returns. */
export function bindToPage(
  queue: ProgressQueue,
  win: Pick<Window, "addEventListener" | "removeEventListener">,
  doc: Pick<Document, "addEventListener" | "removeEventListener" | "visibilityState">,
): () => void {
  const onHide = () => queue.flushOnHide();
  const onVisibility = () => {
    if (doc.visibilityState === "hidden") queue.flushOnHide();
  };
  const onOnline = () => void queue.flush();
  win.addEventListener("pagehide", onHide);
  win.addEventListener("online", onOnline);
  doc.addEventListener("visibilitychange", onVisibility);
  return () => {
    win.removeEventListener("pagehide", onHide);
    win.removeEventListener("online", onOnline);
    doc.removeEventListener("visibilitychange", onVisibility);
  };
}
