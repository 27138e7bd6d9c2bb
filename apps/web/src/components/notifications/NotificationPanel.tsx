import { Trans } from "@lingui/react/macro";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef } from "react";
import { Link } from "react-router";
import { formatRelative } from "../../lib/relative-time";
import { trpc } from "../../lib/trpc";
import { buttonClass } from "../ui/Button";
import s from "./NotificationPanel.module.css";
import { markReadInCache, type NotificationItem } from "./notification-cache";

const PAGE_SIZE = 10;

/**
 * The notification list (newest first, older pages on request). Opening one marks it read;
 * Escape, a click outside or tabbing away closes the panel, Escape returning focus to the bell.
 */
export default function NotificationPanel({
  id,
  onClose,
  anchor,
}: {
  id: string;
  onClose: (returnFocus: boolean) => void;
  anchor: RefObject<HTMLButtonElement | null>;
}) {
  const queryClient = useQueryClient();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onMutate: (input) => markReadInCache(queryClient, "ids" in input ? input.ids : "all"),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );

  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      closeRef.current(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (panel.current?.contains(target) || anchor.current?.contains(target)) return;
      closeRef.current(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [anchor]);

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  const open = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate({ ids: [item.id] });
    onClose(false);
  };

  return (
    <div
      ref={panel}
      id={id}
      className={s.panel}
      role="dialog"
      aria-labelledby={`${id}-title`}
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (next instanceof Node && !panel.current?.contains(next) && next !== anchor.current) {
          onClose(false);
        }
      }}
    >
      <div className={s.head}>
        <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
          <Trans>Notifications</Trans>
        </h2>
        <button
          type="button"
          className={buttonClass({ variant: "ghost", size: "small" })}
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          <Trans>Mark all read</Trans>
        </button>
      </div>
      {list.isPending ? (
        <p className={s.note} role="status">
          <Trans>Loading notifications…</Trans>
        </p>
      ) : list.isError ? (
        <div className={s.note} role="alert">
          <p>
            <Trans>We could not load your notifications.</Trans>
          </p>
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "small" })}
            onClick={() => list.refetch()}
          >
            <Trans>Try again</Trans>
          </button>
        </div>
      ) : items.length === 0 ? (
        <p className={s.note}>
          <Trans>Nothing yet. Milestones and certificates will appear here.</Trans>
        </p>
      ) : (
        <ul className={s.list}>
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? undefined : s.unread}>
              <NotificationRow item={item} onOpen={() => open(item)} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className={s.foot}>
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "small", block: true })}
            disabled={list.isFetchingNextPage}
            onClick={() => list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? <Trans>Loading…</Trans> : <Trans>Load older</Trans>}
          </button>
        </div>
      )}
    </div>
  );
}

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: () => void }) {
  const content = (
    <>
      <span className={s.dot} aria-hidden="true" />
      <span className={s.text}>
        <span className={s.title}>
          {!item.readAt && (
            <span className="visually-hidden">
              <Trans>Unread:</Trans>{" "}
            </span>
          )}
          {item.title}
        </span>
        {item.body && <span className={s.body}>{item.body}</span>}
        <time className={s.time} dateTime={item.createdAt}>
          {formatRelative(item.createdAt)}
        </time>
      </span>
    </>
  );
  // In-app links only: a notification never takes the learner off the site.
  return item.link?.startsWith("/") && !item.link.startsWith("//") ? (
    <Link to={item.link} className={s.item} onClick={onOpen}>
      {content}
    </Link>
  ) : (
    <button type="button" className={s.item} onClick={onOpen}>
      {content}
    </button>
  );
}
