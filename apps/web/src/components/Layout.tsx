import { Trans } from "@lingui/react/macro";
import { Suspense, useEffect, useRef } from "react";
import { Outlet, ScrollRestoration, useLocation, useNavigation } from "react-router";
import { useProfileLocale } from "../lib/i18n/use-locale";
import { DeletionBanner } from "./DeletionBanner";
import { Header } from "./Header";
import s from "./Layout.module.css";
import { PageLoading } from "./states";

/** The shell: skip link, header, the routed page, and focus management between pages. */
export function Layout() {
  const navigation = useNavigation();
  useFocusOnPageChange();
  useProfileLocale();
  return (
    <>
      <a className={s.skipLink} href="#main">
        <Trans>Skip to content</Trans>
      </a>
      <Header />
      {navigation.state === "loading" && <div className={s.routeProgress} aria-hidden="true" />}
      <main id="main" className={s.main} tabIndex={-1}>
        <DeletionBanner />
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className={s.footer}>
        <div className={s.container}>
          <Trans>Lumen — learn something new every day.</Trans>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}

/**
 * After moving to another page (not on first load, not when only the query changes), put
 * keyboard and screen-reader focus on the new page's heading, as a full page load would.
 */
function useFocusOnPageChange() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById("main");
      const heading = main?.querySelector<HTMLElement>("h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      } else {
        main?.focus({ preventScroll: true });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
