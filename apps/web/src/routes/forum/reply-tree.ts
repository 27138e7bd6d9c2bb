/**
 * Replies in thread order → top-level replies with their children (one level). A child whose
 * parent is not in the list (hidden from the viewer, or on a page not loaded) stands alone.
 */
export function replyTree<T extends { id: string; parentId: string | null }>(replies: T[]) {
  const roots: Array<{ reply: T; children: T[] }> = [];
  const byId = new Map<string, { reply: T; children: T[] }>();
  for (const reply of replies) {
    const parent = reply.parentId ? byId.get(reply.parentId) : undefined;
    if (parent) {
      parent.children.push(reply);
      continue;
    }
    const node = { reply, children: [] as T[] };
    roots.push(node);
    byId.set(reply.id, node);
  }
  return roots;
}
