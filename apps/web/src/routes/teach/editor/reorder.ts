/** Pure list moves for the outline editor (drag and drop and keyboard share them). */

/** A copy of `list` with the item at `from` moved to index `to` (clamped into range). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  const target = Math.max(0, Math.min(to, next.length));
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

/** Moves the item with `id` by `delta` places; null when it cannot move that way. */
export function moveByOffset<T extends { id: string }>(
  list: readonly T[],
  id: string,
  delta: number,
): T[] | null {
  const from = list.findIndex((item) => item.id === id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= list.length) return null;
  return moveItem(list, from, to);
}

/** Drag and drop: the dragged item takes the place of the one it is dropped on. */
export function moveOnto<T extends { id: string }>(
  list: readonly T[],
  draggedId: string,
  overId: string,
): T[] | null {
  const from = list.findIndex((item) => item.id === draggedId);
  const to = list.findIndex((item) => item.id === overId);
  if (from === -1 || to === -1 || from === to) return null;
  return moveItem(list, from, to);
}

/** Which way Alt+Arrow moves a row, or null for other keys. */
export function keyboardMoveDelta(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === "ArrowUp") return -1;
  if (event.key === "ArrowDown") return 1;
  return null;
}
