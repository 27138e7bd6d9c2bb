import { Link } from "react-router";
import { Badge } from "../../components/ui/Badge";
import { formatRelative } from "../../lib/relative-time";
import { KIND_LABELS, type ThreadSummary, threadPath } from "./api";
import s from "./forum.module.css";

/** Threads as a list of links, each with its kind, state markers and counts. */
export function ThreadList({ slug, threads }: { slug: string; threads: ThreadSummary[] }) {
  return (
    <ul className={s.threadList}>
      {threads.map((thread) => (
        <li key={thread.id} className={s.threadItem}>
          <div className={s.threadMain}>
            <Link to={threadPath(slug, thread.id)} className={s.threadTitle}>
              {thread.deleted ? "[deleted]" : thread.title}
            </Link>
            <p className={s.meta}>
              <Badge tone={thread.kind === "question" ? "accent" : "outline"}>
                {KIND_LABELS[thread.kind]}
              </Badge>
              <PostMarkers thread={thread} />
              <span>
                {thread.author ? thread.author.name : "Deleted account"}
                {thread.author?.isStaff && <Badge tone="info">Staff</Badge>}
              </span>
              <span>{formatRelative(thread.lastActivityAt)}</span>
            </p>
          </div>
          <p className={s.counts}>
            <span>
              {thread.replyCount} {thread.replyCount === 1 ? "reply" : "replies"}
            </span>
            <span>
              {thread.score} {thread.score === 1 ? "vote" : "votes"}
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
      {thread.pinned && <Badge tone="warning">Pinned</Badge>}
      {thread.locked && <Badge tone="neutral">Locked</Badge>}
      {thread.hidden && <Badge tone="danger">Hidden</Badge>}
      {thread.kind === "question" && thread.answered && <Badge tone="success">Answered</Badge>}
    </>
  );
}
