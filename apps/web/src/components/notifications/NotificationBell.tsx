import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { useLocation } from "react-router";
import { formatNumber } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import { iconButtonClass } from "../ui/Button";
import { cx } from "../ui/cx";
import { useLiveNotifications } from "./live-notifications";
import s from "./NotificationBell.module.css";

const loadPanel = () => import("./NotificationPanel");
// The list, its paging and marking read load on first open (or hover): the shell keeps the bell.
const NotificationPanel = lazy(loadPanel);

/** Only while the live connection is down: a slow re-read, so the count is never stuck. */
const OFFLINE_REFETCH_MS = 60_000;

/**
 * The header's bell: unread count and a panel listing notifications, both kept current by the
 * live subscription (no polling); while it is down, a slow safety re-read and on focus.
 */
export function NotificationBell() {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const [said, say] = useState("");
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const live = useLiveNotifications();
  const offline = live !== "open";
  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: offline ? OFFLINE_REFETCH_MS : false,
    refetchOnWindowFocus: offline,
    staleTime: 5_000,
  });
  const count = unread.data?.unread ?? 0;

  // A count that grows while the page is open is announced once, politely.
  const previous = useRef<number | null>(null);
  useEffect(() => {
    if (unread.data === undefined) return;
    const before = previous.current;
    previous.current = count;
    if (before !== null && count > before) {
      const fresh = count - before;
      say(t`${plural(fresh, { one: "# new notification", other: "# new notifications" })}`);
    }
  }, [count, unread.data, t]);

  // Moving to another page (a notification's link, Back, a shortcut) closes the panel.
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname) setOpen(false);
  }, [pathname]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  return (
    <div className={s.bell}>
      <button
        ref={button}
        type="button"
        className={cx(iconButtonClass({ large: true }), s.button)}
        aria-label={count > 0 ? t`Notifications, ${count} unread` : t`Notifications`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={s.icon}>
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Z" />
          <path d="M9.5 19a2.5 2.5 0 0 0 5 0" />
        </svg>
        {count > 0 && (
          <span className={s.count} aria-hidden="true">
            {count > 99 ? `${formatNumber(99)}+` : formatNumber(count)}
          </span>
        )}
      </button>
      {open && (
        <Suspense
          fallback={
            <div className={cx(s.panel, s.loading)} role="status">
              <Trans>Loading notifications…</Trans>
            </div>
          }
        >
          <NotificationPanel id={panelId} onClose={close} anchor={button} />
        </Suspense>
      )}
      <span className="visually-hidden" role="status">
        {said}
      </span>
    </div>
  );
}
