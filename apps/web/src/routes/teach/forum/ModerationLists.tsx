import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
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
  const { t } = useLingui();
  const mutes = useQuery({ ...trpc.forum.mutes.queryOptions({ courseId }), staleTime: 0 });
  const invalidate = useInvalidateForum();
  const unmute = useMutation(trpc.forum.unmute.mutationOptions({ onSettled: invalidate }));
  return (
    <section aria-labelledby="mutes-heading" className={s.section}>
      <h2 id="mutes-heading">
        <Trans>Muted members</Trans>
      </h2>
      {mutes.isPending ? (
        <LoadingState label={t`Loading muted members…`} />
      ) : mutes.isError ? (
        <ErrorState
          message={t`We could not load the muted members.`}
          onRetry={() => mutes.refetch()}
        />
      ) : mutes.data.length === 0 ? (
        <p className="muted">
          <Trans>Nobody is muted in this course.</Trans>
        </p>
      ) : (
        <ul className={s.list}>
          {mutes.data.map((mute) => (
            <li key={mute.user.id} className={s.item}>
              <p>
                <strong translate="no">{mute.user.name}</strong> —{" "}
                <span translate="no">{mute.reason}</span>{" "}
                <span className="muted">
                  {mute.until ? (
                    <Trans>(until {formatDate(mute.until)})</Trans>
                  ) : (
                    <Trans>(until unmuted)</Trans>
                  )}
                </span>
              </p>
              <Button
                size="small"
                onClick={() => unmute.mutate({ courseId, userId: mute.user.id })}
                disabled={unmute.isPending}
              >
                <Trans>
                  Unmute <span translate="no">{mute.user.name}</span>
                </Trans>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {unmute.isError && (
        <p role="alert" className={fs.inlineError}>
          {problemMessage(unmute.error, t`The member was not unmuted.`)}
        </p>
      )}
    </section>
  );
}

const ACTION_LABELS: Record<string, MessageDescriptor> = {
  hide: msg`Hid a post`,
  unhide: msg`Unhid a post`,
  lock: msg`Locked a thread`,
  unlock: msg`Unlocked a thread`,
  pin: msg`Pinned a thread`,
  unpin: msg`Unpinned a thread`,
  mute: msg`Muted`,
  unmute: msg`Unmuted`,
  dismiss_report: msg`Dismissed a report`,
};

/** Every moderation action in the course: who, when, what and why, newest first. */
export function AuditLog({ courseId, slug }: { courseId: string; slug: string }) {
  const { t, i18n } = useLingui();
  const actionLabel = (action: string) => {
    const label = ACTION_LABELS[action];
    return label ? i18n._(label) : action;
  };
  const log = useInfiniteQuery(
    trpc.forum.moderationLog.infiniteQueryOptions(
      { courseId, limit: 20 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="log-heading" className={s.section}>
      <h2 id="log-heading">
        <Trans>Moderation log</Trans>
      </h2>
      {log.isPending ? (
        <LoadingState label={t`Loading the log…`} />
      ) : log.isError ? (
        <ErrorState message={t`We could not load the log.`} onRetry={() => log.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">
          <Trans>No moderation yet.</Trans>
        </p>
      ) : (
        <table className={s.table}>
          <thead>
            <tr>
              <th scope="col">
                <Trans>When</Trans>
              </th>
              <th scope="col">
                <Trans>Who</Trans>
              </th>
              <th scope="col">
                <Trans>What</Trans>
              </th>
              <th scope="col">
                <Trans>Why</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt}>{formatRelative(entry.createdAt)}</time>
                </td>
                {entry.actor ? (
                  <td translate="no">{entry.actor.name}</td>
                ) : (
                  <td>
                    <Trans>Deleted account</Trans>
                  </td>
                )}
                <td>
                  {actionLabel(entry.action)}
                  {entry.targetUser && <span translate="no"> {entry.targetUser.name}</span>}
                  {entry.threadId && (
                    <>
                      {" "}
                      (
                      <Link
                        to={`${threadPath(slug, entry.threadId)}${entry.replyId ? `#reply-${entry.replyId}` : ""}`}
                      >
                        <Trans>thread</Trans>
                      </Link>
                      )
                    </>
                  )}
                </td>
                <td translate="no">{entry.reason || <span className="muted">—</span>}</td>
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
          <Trans>Load more entries</Trans>
        </Button>
      )}
    </section>
  );
}
