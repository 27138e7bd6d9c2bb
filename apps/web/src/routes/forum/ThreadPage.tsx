import { Trans, useLingui } from "@lingui/react/macro";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { Breadcrumb } from "../../components/Breadcrumb";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { Notice } from "../../components/ui/Notice";
import { apiErrorCode, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { NotFoundContent } from "../NotFoundPage";
import { forumPath, KIND_LABELS, type ThreadDetail } from "./api";
import { EditPostForm } from "./EditPostForm";
import s from "./forum.module.css";
import { ReportButton, useInvalidateForum, VoteButton } from "./PostActions";
import { Byline, DeleteButton, EditHistory, PostBody } from "./PostParts";
import { problemMessage } from "./problem";
import { ReplyForm } from "./ReplyForm";
import { ReplyItem } from "./ReplyItem";
import { replyTree } from "./reply-tree";
import { ModerationButton } from "./StaffTools";
import { PostMarkers } from "./ThreadList";
import { useThreadLive } from "./use-thread-live";

const REPLIES_PAGE = 50;

/** A thread: `/courses/:slug/forum/:threadId` (replies are `#reply-<id>`). */
export function Component() {
  const { t } = useLingui();
  const { threadId = "" } = useParams();
  const thread = useQuery(trpc.forum.thread.queryOptions({ threadId }));
  const title = thread.data ? (thread.data.title ?? t`Deleted thread`) : null;
  useDocumentTitle(title === null ? null : t`${title} — Forum`);
  if (thread.isPending) return <LoadingState label={t`Loading thread…`} />;
  if (thread.isError) {
    const code = apiErrorCode(thread.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST")
      return (
        <NotFoundContent
          title={t`Thread not found`}
          message={t`We could not find that thread. It may have moved or been unpublished.`}
        />
      );
    if (code === "FORBIDDEN") {
      return (
        <div className={s.page}>
          <Notice tone="info">{thread.error.message}</Notice>
        </div>
      );
    }
    return (
      <ErrorState message={t`We could not load this thread.`} onRetry={() => thread.refetch()} />
    );
  }
  return <Thread thread={thread.data} />;
}

function Thread({ thread }: { thread: ThreadDetail }) {
  const { t, i18n } = useLingui();
  const [editing, setEditing] = useState(false);
  const { viewer, course } = thread;
  const invalidate = useInvalidateForum();
  const follow = useMutation(trpc.forum.follow.mutationOptions({ onSettled: invalidate }));
  const post = { type: "thread" as const, id: thread.id };
  const threadTitle = thread.title ?? t`deleted`;
  const label = t`thread “${threadTitle}”`;
  const live = useThreadLive(thread.id);
  return (
    <div className={s.page}>
      <Breadcrumb>
        <li>
          <Link to={`/courses/${course.slug}`} translate="no">
            {course.title}
          </Link>
        </li>
        <li>
          <Link to={forumPath(course.slug)}>
            <Trans>Forum</Trans>
          </Link>
        </li>
      </Breadcrumb>
      <article className={s.threadPost} aria-labelledby="thread-title">
        <p className={s.meta}>
          <Badge tone={thread.kind === "question" ? "accent" : "outline"}>
            {i18n._(KIND_LABELS[thread.kind])}
          </Badge>
          <PostMarkers thread={thread} />
          {thread.lesson && (
            <span>
              <Trans>
                About{" "}
                <Link to={`/courses/${course.slug}/lessons/${thread.lesson.id}`} translate="no">
                  {thread.lesson.title}
                </Link>
              </Trans>
            </span>
          )}
        </p>
        {thread.deleted ? (
          <h1 id="thread-title">
            <Trans>[deleted]</Trans>
          </h1>
        ) : (
          <h1 id="thread-title" translate="no">
            {thread.title}
          </h1>
        )}
        <Byline author={thread.author} createdAt={thread.createdAt} editedAt={thread.editedAt} />
        {editing ? (
          <EditPostForm
            courseId={thread.courseId}
            post={post}
            initialTitle={thread.title ?? ""}
            initialBody={thread.body ?? ""}
            onDone={() => setEditing(false)}
          />
        ) : (
          <PostBody
            body={thread.body}
            deleted={thread.deleted}
            hidden={thread.hidden}
            hiddenReason={thread.hiddenReason}
          />
        )}
        {!thread.deleted && !editing && (
          <div className={s.postActions}>
            <VoteButton post={post} voted={viewer.voted} score={thread.score} label={label} />
            <Button
              size="small"
              variant="ghost"
              aria-pressed={viewer.following}
              disabled={follow.isPending}
              onClick={() => follow.mutate({ threadId: thread.id, following: !viewer.following })}
            >
              {viewer.following ? <Trans>Following</Trans> : <Trans>Follow</Trans>}
            </Button>
            {viewer.canEdit && (
              <Button size="small" variant="ghost" onClick={() => setEditing(true)}>
                <Trans>Edit</Trans>
              </Button>
            )}
            {viewer.isAuthor && <DeleteButton post={post} />}
            {!viewer.isAuthor && <ReportButton post={post} label={label} />}
            {viewer.isStaff && (
              <>
                <ModerationButton
                  action={{ kind: "pin", threadId: thread.id, pinned: !thread.pinned }}
                  label={thread.pinned ? t`Unpin` : t`Pin`}
                />
                <ModerationButton
                  action={{ kind: "lock", threadId: thread.id, locked: !thread.locked }}
                  label={thread.locked ? t`Unlock` : t`Lock`}
                />
                <ModerationButton
                  action={{ kind: "hide", post, hidden: !thread.hidden }}
                  label={thread.hidden ? t`Unhide` : t`Hide`}
                />
              </>
            )}
          </div>
        )}
        {follow.isError && (
          <p role="alert" className={s.inlineError}>
            {problemMessage(follow.error, t`That did not work.`)}
          </p>
        )}
        {viewer.isStaff && thread.editedAt && <EditHistory post={post} />}
      </article>
      {live.reconnecting && (
        <p className="muted" role="status">
          <Trans>Reconnecting… new replies will appear when the connection is back.</Trans>
        </p>
      )}
      <Replies thread={thread} />
      {viewer.canReply ? (
        <ReplyForm
          courseId={thread.courseId}
          threadId={thread.id}
          label={thread.kind === "question" ? t`Your answer` : t`Your reply`}
        />
      ) : (
        <Notice tone="info" as="p">
          {viewer.replyBlockedReason ?? t`You cannot reply to this thread.`}
        </Notice>
      )}
    </div>
  );
}

function Replies({ thread }: { thread: ThreadDetail }) {
  const { t } = useLingui();
  const replies = useInfiniteQuery(
    trpc.forum.replies.infiniteQueryOptions(
      { threadId: thread.id, limit: REPLIES_PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  useScrollToReply(replies.isSuccess);
  if (replies.isPending) return <LoadingState label={t`Loading replies…`} />;
  if (replies.isError)
    return (
      <ErrorState message={t`We could not load the replies.`} onRetry={() => replies.refetch()} />
    );
  const tree = replyTree(replies.data.pages.flatMap((page) => page.items));
  const heading = thread.kind === "question" ? t`Answers` : t`Replies`;
  return (
    <section aria-labelledby="replies-heading" className={s.replies}>
      <h2 id="replies-heading">
        {heading} <span className="muted">({thread.replyCount})</span>
      </h2>
      {tree.length === 0 ? (
        <EmptyState title={thread.kind === "question" ? t`No answers yet` : t`No replies yet`} />
      ) : (
        <ol className={s.replyList}>
          {tree.map(({ reply, children }) => (
            <ReplyItem key={reply.id} thread={thread} reply={reply}>
              {children.length > 0 && (
                <ol className={s.nested}>
                  {children.map((child) => (
                    <ReplyItem key={child.id} thread={thread} reply={child} />
                  ))}
                </ol>
              )}
            </ReplyItem>
          ))}
        </ol>
      )}
      {replies.hasNextPage && (
        <Button
          className={s.more}
          onClick={() => replies.fetchNextPage()}
          disabled={replies.isFetchingNextPage}
        >
          {replies.isFetchingNextPage ? (
            <Trans>Loading more…</Trans>
          ) : (
            <Trans>Load more replies</Trans>
          )}
        </Button>
      )}
    </section>
  );
}

/** A link to `#reply-<id>` (a notification's) scrolls to and focuses that reply once loaded. */
function useScrollToReply(loaded: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!loaded || !hash.startsWith("#reply-")) return;
    const target = document.getElementById(hash.slice(1));
    target?.scrollIntoView({ block: "center" });
    target?.focus({ preventScroll: true });
  }, [loaded, hash]);
}
