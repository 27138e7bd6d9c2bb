import { useCallback, useMemo } from "react";
import { useLocation, useNavigate } from "react-router";
import { type CatalogSearch, catalogHref, parseCatalogSearch } from "../../lib/catalog-url";

/** The catalog's search, read from the URL, and a way to change it. */
export function useCatalogSearch() {
  const location = useLocation();
  const navigate = useNavigate();
  const search = useMemo(
    () => parseCatalogSearch(new URLSearchParams(location.search)),
    [location.search],
  );
  const go = useCallback(
    (next: CatalogSearch, options: { replace?: boolean } = {}) =>
      navigate(catalogHref(next), { replace: options.replace ?? false, preventScrollReset: true }),
    [navigate],
  );
  return { search, go, locationSearch: location.search };
}
