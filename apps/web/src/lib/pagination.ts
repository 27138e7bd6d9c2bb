export type PageItem = { kind: "page"; page: number } | { kind: "gap"; key: string };

/**
 * The page links to show: first, last, and a window around the current page, with gaps
 * where pages are skipped — `1 … 4 5 6 … 20`. A gap never hides just one page.
 */
export function pageItems(current: number, pageCount: number, radius = 1): PageItem[] {
  if (pageCount <= 1) return [];
  const shown = new Set<number>([1, pageCount]);
  for (let p = current - radius; p <= current + radius; p++) {
    if (p >= 1 && p <= pageCount) shown.add(p);
  }
  const pages = [...shown].sort((a, b) => a - b);
  const items: PageItem[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) items.push({ kind: "page", page: previous + 1 });
    else if (page - previous > 2) items.push({ kind: "gap", key: `gap-${previous}` });
    items.push({ kind: "page", page });
    previous = page;
  }
  return items;
}
