import { i18n, type Messages } from "@lingui/core";
import { useEffect, useState } from "react";
import type { UiLocale } from "./choice";

/**
 * The SPA's catalogs, one lazy chunk per language and catalog (ADR 0031): `app` (the shell,
 * components, lib) and one per route folder (`src/locales/<locale>/<name>.po`, lingui.config.ts).
 * Before the first paint only `app` loads; a page's route folders load with its chunk
 * (router.tsx), so a visitor to the catalog never downloads the course editor's strings.
 */
const loaders = import.meta.glob<Messages>("../../locales/*/*.po", { import: "messages" });

export type CatalogName =
  | "app"
  | "admin"
  | "auth"
  | "catalog"
  | "course"
  | "forum"
  | "learn"
  | "lesson"
  | "my-learning"
  | "settings"
  | "teach"
  | "teach-editor"
  | "unsubscribe";

/** Every catalog a page has asked for: switching language loads them all in the new one. */
const wanted = new Set<CatalogName>(["app"]);
const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();

/** Loads one catalog of one language into Lingui (merged with what it holds); once each. */
function loadOne(locale: UiLocale, name: CatalogName): Promise<void> {
  const key = `${locale}/${name}`;
  let pending = loading.get(key);
  if (!pending) {
    const load = loaders[`../../locales/${key}.po`];
    if (!load) return Promise.reject(new Error(`no catalog ${key}`));
    pending = load().then((messages) => {
      i18n.load(locale, messages);
      loaded.add(key);
    });
    // A failed chunk (offline) is asked for again next time.
    pending.catch(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

let activating: Promise<void> | null = null;

/**
 * Loads `app` and every catalog asked for so far in `locale`, for activateLocale: a page that
 * asks for its catalogs meanwhile (the router's first loaders run before the first activation)
 * waits for it.
 */
export function loadActiveCatalogs(locale: UiLocale): Promise<void> {
  const all = async () => {
    // Until no page asked for another meanwhile (a navigation during a switch).
    for (let size = 0; size !== wanted.size; ) {
      size = wanted.size;
      await Promise.all([...wanted].map((name) => loadOne(locale, name)));
    }
  };
  activating = all();
  return activating;
}

/** The catalogs of a page, in the language shown (its chunk awaits them, router.tsx). */
export function loadPageCatalogs(names: readonly CatalogName[]): Promise<void> {
  for (const name of names) wanted.add(name);
  const locale = i18n.locale as UiLocale | undefined;
  if (!locale && activating) return activating.then(() => loadPageCatalogs(names));
  return Promise.all(names.map((name) => loadOne(locale || "en", name))).then(() => {});
}

const isLoaded = (name: CatalogName) => loaded.has(`${i18n.locale || "en"}/${name}`);

/**
 * For a component of the shell that shows a route folder's strings: false until loaded. Loads
 * only once `enabled` (while false, nothing is fetched).
 */
export function useCatalog(name: CatalogName, enabled = true): boolean {
  const [ready, setReady] = useState(() => isLoaded(name));
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const update = () => {
      void loadPageCatalogs([name]).then(() => {
        if (live) setReady(isLoaded(name));
      });
    };
    update();
    const unsubscribe = i18n.on("change", update);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [name, enabled]);
  return ready;
}
