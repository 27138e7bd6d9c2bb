/**
 * Code-point order for keys. Every writer sorts the rows it locks (progress, milestones,
 * notifications) with it, so concurrent batches — in this process or in other API processes —
 * take row locks in one global order and cannot deadlock.
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
