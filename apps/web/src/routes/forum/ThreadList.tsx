import { useLingui } from "@lingui/react";
import { Plural, Trans } from "@lingui/react/macro";
import { Link } from "react-router";
import { Badge } from "../../components/ui/Badge";
import { formatRelative } from "../../lib/relative-time";
import { KIND_LABELS, type ThreadSummary, threadPath } from "./api";
import s from "./forum.module.css";

/** Threads as a list of links, each with its kind, state markers and counts. */
export function ThreadList({ slug, threads }: { slug: string; threads: ThreadSummary[] }) {
  const { i18n } = useLingui();
  return (
    <ul className={s.threadList}>
      {threads.map((thread) => (
        <li key={thread.id} className={s.threadItem}>
          <div className={s.threadMain}>
            {thread.deleted ? (
              <Link to={threadPath(slug, thread.id)} className={s.threadTitle}>
                <Trans>[deleted]</Trans>
              </Link>
            ) : (
              <Link to={threadPath(slug, thread.id)} className={s.threadTitle} translate="no">
                {thread.title}
              </Link>
            )}
            <p className={s.meta}>
              <Badge tone={thread.kind === "question" ? "accent" : "outline"}>
                {i18n._(KIND_LABELS[thread.kind])}
              </Badge>
              <PostMarkers thread={thread} />
              <span>
                {thread.author ? (
                  <span translate="no">{thread.author.name}</span>
                ) : (
                  <Trans>Deleted account</Trans>
                )}
                {thread.author?.isStaff && (
                  <Badge tone="info">
                    <Trans>Staff</Trans>
                  </Badge>
                )}
              </span>
              <span>{formatRelative(thread.lastActivityAt)}</span>
            </p>
          </div>
          <p className={s.counts}>
            <span>
              <Plural value={thread.replyCount} one="# reply" other="# replies" />
            </span>
            <span>
              <Plural value={thread.score} one="# vote" other="# votes" />
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Pinned, locked, hidden and answered, as badges (shared by the list and the thread). */
export function PostMarkers({ thread }: { thread: ThreadSummary }) {
  return (
    <>
      {thread.pinned && (
        <Badge tone="warning">
          <Trans>Pinned</Trans>
        </Badge>
      )}
      {thread.locked && (
        <Badge tone="neutral">
          <Trans>Locked</Trans>
        </Badge>
      )}
      {thread.hidden && (
        <Badge tone="danger">
          <Trans>Hidden</Trans>
        </Badge>
      )}
      {thread.kind === "question" && thread.answered && (
        <Badge tone="success">
          <Trans>Answered</Trans>
        </Badge>
      )}
    </>
  );
}
