/**
 * A value loaded on first use and reused: once older than `ttlMs` it is reloaded in the
 * background while callers keep getting the old one; `invalidate` drops it (the next call
 * loads afresh). A failed load is never served: the next call tries again.
 */
export function cachedValue<T>(load: () => Promise<T>, ttlMs: number) {
  let cached: { at: number; value: Promise<T> } | null = null;
  let refreshing = false;

  return {
    get(): Promise<T> {
      const current = cached;
      if (!current) {
        const entry = { at: performance.now(), value: load() };
        cached = entry;
        entry.value.catch(() => {
          if (cached === entry) cached = null;
        });
        return entry.value;
      }
      if (performance.now() - current.at >= ttlMs && !refreshing) {
        refreshing = true;
        load()
          .then((fresh) => {
            if (cached === current)
              cached = { at: performance.now(), value: Promise.resolve(fresh) };
          })
          .catch(() => {})
          .finally(() => {
            refreshing = false;
          });
      }
      return current.value;
    },
    invalidate() {
      cached = null;
    },
  };
}
