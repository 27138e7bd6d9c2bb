import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import {
  type CatalogSearch,
  normalizeQuery,
  serializeCatalogSearch,
  withChange,
} from "../../lib/catalog-url";
import { historyWrite } from "./search-keys";

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box's text: shown as typed, written to the URL after a pause (one history entry
 * per typing burst, see `historyWrite`) or at once on submit. When the URL changes for another
 * reason — Back, a facet link, "search instead for" — the box follows it.
 */
export function useSearchInput(options: {
  search: CatalogSearch;
  locationSearch: string;
  go: (next: CatalogSearch, options: { replace: boolean }) => void;
}) {
  const { search, locationSearch } = options;
  const [draft, setDraft] = useState(search.query ?? "");
  const burst = useRef(false);
  /** The `location.search` of our own last write, to tell it apart from everyone else's. */
  const ownWrite = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const draftRef = useRef(draft);
  draftRef.current = draft;

  useEffect(() => {
    if (locationSearch === ownWrite.current) return;
    ownWrite.current = null;
    burst.current = false;
    setDraft(latest.current.search.query ?? "");
  }, [locationSearch]);

  const commit = useCallback((kind: "typing" | "submit") => {
    const { search: current, go } = latest.current;
    const query = normalizeQuery(draftRef.current);
    if (query === current.query) {
      if (kind === "submit") burst.current = false;
      return;
    }
    const write = historyWrite(burst.current, kind);
    burst.current = write.burstActive;
    const next = withChange(current, { query });
    const params = serializeCatalogSearch(next).toString();
    ownWrite.current = params ? `?${params}` : "";
    go(next, { replace: write.replace });
  }, []);

  useEffect(() => {
    if (normalizeQuery(draft) === latest.current.search.query) return;
    const timer = setTimeout(() => commit("typing"), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, commit]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    commit("submit");
  };

  return { draft, setDraft, onSubmit };
}
