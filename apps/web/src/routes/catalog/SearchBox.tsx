import { Trans, useLingui } from "@lingui/react/macro";
import { SEARCH_QUERY_MAX_LENGTH } from "@lumen/shared/constants";
import { type KeyboardEvent, type RefObject, useEffect, useRef } from "react";
import { Button } from "../../components/ui/Button";
import type { CatalogSearch } from "../../lib/catalog-url";
import s from "./SearchBox.module.css";
import { isSearchShortcut } from "./search-keys";
import { useSearchInput } from "./use-search-input";

export const SEARCH_INPUT_ID = "catalog-search";

/** The catalog's search box. `/` focuses it; Down arrow moves into the results. */
export function SearchBox(props: {
  search: CatalogSearch;
  locationSearch: string;
  go: (next: CatalogSearch, options: { replace: boolean }) => void;
  onArrowDown: () => void;
}) {
  const { t } = useLingui();
  const { draft, setDraft, onSubmit } = useSearchInput(props);
  const input = useRef<HTMLInputElement>(null);
  useSlashShortcut(input);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      props.onArrowDown();
    }
  };
  return (
    <search>
      <form className={s.form} onSubmit={onSubmit}>
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          <Trans>Search courses</Trans>
        </label>
        <div className={s.field}>
          <svg className={s.icon} viewBox="0 0 20 20" aria-hidden="true">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            id={SEARCH_INPUT_ID}
            type="search"
            name="query"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t`Search courses, skills and topics`}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            aria-keyshortcuts="/"
            aria-describedby="catalog-search-hint"
          />
          <span className={s.kbd} aria-hidden="true">
            /
          </span>
        </div>
        <Button type="submit" variant="primary" size="large" className={s.submit}>
          <Trans>Search</Trans>
        </Button>
        <p id="catalog-search-hint" className="visually-hidden">
          <Trans>Results update as you type. Press Down arrow to move into the results.</Trans>
        </p>
      </form>
    </search>
  );
}

function useSlashShortcut(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [input]);
}
