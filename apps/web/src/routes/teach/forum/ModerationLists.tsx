import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../../components/states";
import { Button } from "../../../components/ui/Button";
import { formatDate } from "../../../lib/format";
import { formatRelative } from "../../../lib/relative-time";
import { trpc } from "../../../lib/trpc";
import { threadPath } from "../../forum/api";
import fs from "../../forum/forum.module.css";
import { useInvalidateForum } from "../../forum/PostActions";
import { problemMessage } from "../../forum/problem";
import s from "./moderation.module.css";

/** The course's muted members, each with Unmute. */
export function Mutes({ courseId }: { courseId: string }) {
  const mutes = useQuery({ ...trpc.forum.mutes.queryOptions({ courseId }), staleTime: 0 });
  const invalidate = useInvalidateForum();
  const unmute = useMutation(trpc.forum.unmute.mutationOptions({ onSettled: invalidate }));
  return (
    <section aria-labelledby="mutes-heading" className={s.section}>
      <h2 id="mutes-heading">Muted members</h2>
      {mutes.isPending ? (
        <LoadingState label="Loading muted members…" />
      ) : mutes.isError ? (
        <ErrorState
          message="We could not load the muted members."
          onRetry={() => mutes.refetch()}
        />
      ) : mutes.data.length === 0 ? (
        <p className="muted">Nobody is muted in this course.</p>
      ) : (
        <ul className={s.list}>
          {mutes.data.map((mute) => (
            <li key={mute.user.id} className={s.item}>
              <p>
                <strong>{mute.user.name}</strong> — {mute.reason}
                <span className="muted">
                  {mute.until ? ` (until ${formatDate(mute.until)})` : " (until unmuted)"}
                </span>
              </p>
              <Button
                size="small"
                onClick={() => unmute.mutate({ courseId, userId: mute.user.id })}
                disabled={unmute.isPending}
              >
                Unmute {mute.user.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unmute.isError && (
        <p role="alert" className={fs.inlineError}>
          {problemMessage(unmute.error, "The member was not unmuted.")}
        </p>
      )}
    </section>
  );
}

const ACTION_LABELS: Record<string, string> = {
  hide: "Hid a post",
  unhide: "Unhid a post",
  lock: "Locked a thread",
  unlock: "Unlocked a thread",
  pin: "Pinned a thread",
  unpin: "Unpinned a thread",
  mute: "Muted",
  unmute: "Unmuted",
  dismiss_report: "Dismissed a report",
};

/** Every moderation action in the course: who, when, what and why, newest first. */
export function AuditLog({ courseId, slug }: { courseId: string; slug: string }) {
  const log = useInfiniteQuery(
    trpc.forum.moderationLog.infiniteQueryOptions(
      { courseId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="log-heading" className={s.section}>
      <h2 id="log-heading">Moderation log</h2>
      {log.isPending ? (
        <LoadingState label="Loading the log…" />
      ) : log.isError ? (
        <ErrorState message="We could not load the log." onRetry={() => log.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">No moderation yet.</p>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt}>{formatRelative(entry.createdAt)}</time>
                </td>
                <td>{entry.actor?.name ?? "Deleted account"}</td>
                <td>
                  {ACTION_LABELS[entry.action] ?? entry.action}
                  {entry.targetUser && ` ${entry.targetUser.name}`}
                  {entry.threadId && (
                    <>
                      {" "}
                      (
                      <Link
                        to={`${threadPath(slug, entry.threadId)}${entry.replyId ? `#reply-${entry.replyId}` : ""}`}
                      >
                        thread
                      </Link>
                      )
                    </>
                  )}
                </td>
                <td>{entry.reason || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <Button
          className={fs.more}
          onClick={() => log.fetchNextPage()}
          disabled={log.isFetchingNextPage}
        >
          Load more entries
        </Button>
      )}
    </section>
  );
}
