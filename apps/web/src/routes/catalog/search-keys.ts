/**
 * Keyboard rules of the catalog search, kept pure so they can be tested without a DOM.
 */

/**
 * History while searching: the first write of a typing burst pushes an entry (so Back
 * returns to the results from before the burst), later writes of the same burst replace it,
 * and submitting ends the burst. One search, one history entry — however it was typed.
 */
export function historyWrite(
  burstActive: boolean,
  kind: "typing" | "submit",
): { replace: boolean; burstActive: boolean } {
  return { replace: burstActive, burstActive: kind === "typing" };
}

/**
 * Arrow keys among result cards laid out in `columns` columns. Returns the index to focus,
 * -1 to go back to the search box, or null when the key does nothing here.
 */
export function nextResultIndex(
  index: number,
  key: string,
  count: number,
  columns: number,
): number | null {
  const cols = Math.max(1, columns);
  switch (key) {
    case "ArrowRight":
      return Math.min(index + 1, count - 1);
    case "ArrowLeft":
      return Math.max(index - 1, 0);
    case "ArrowDown":
      return index + cols < count ? index + cols : index;
    case "ArrowUp":
      return index - cols >= 0 ? index - cols : -1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** `/` focuses the search box unless the user is typing somewhere else. */
export function isSearchShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
}): boolean {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return false;
  return !isEditable(event.target);
}

function isEditable(target: unknown): boolean {
  if (typeof target !== "object" || target === null || !("tagName" in target)) return false;
  const tag = String(target.tagName).toUpperCase();
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return true;
  return "isContentEditable" in target && target.isContentEditable === true;
}
