/**
 * Secrets renamed for honesty, read under their old names for one release. PURGE_SECRET also
 * authenticates certificate and status list publishing, so it is now EDGE_INTERNAL_SECRET.
 * Delete this file (and the alias in env.ts's Bindings) in the release after.
 */
const RENAMED = [{ deprecated: "PURGE_SECRET", current: "EDGE_INTERNAL_SECRET" }] as const;

export interface Renamed {
  /** The raw bindings with each deprecated name's value under its current name. */
  bindings: unknown;
  /** Names set only (or also, to the same value) under their deprecated name. */
  deprecations: { deprecated: string; current: string }[];
  /** Both names set to different values: which one is meant is unknowable, so none is used. */
  conflicts: string[];
}

export function withRenamedSecrets(raw: unknown): Renamed {
  const renamed: Renamed = { bindings: raw, deprecations: [], conflicts: [] };
  if (typeof raw !== "object" || raw === null) return renamed;
  const source = raw as Record<string, unknown>;
  for (const { deprecated, current } of RENAMED) {
    const old = source[deprecated];
    if (old === undefined) continue;
    const now = source[current];
    if (now !== undefined && now !== old) {
      renamed.conflicts.push(
        `${current}: ${deprecated} (its deprecated name) is also set, to a different value; delete ${deprecated}`,
      );
      continue;
    }
    renamed.deprecations.push({ deprecated, current });
    if (now === undefined) renamed.bindings = { ...(renamed.bindings as object), [current]: old };
  }
  return renamed;
}
