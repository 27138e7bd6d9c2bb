import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { trpc } from "../../lib/trpc";
import type { ReplyView, ThreadDetail } from "./api";
import { EditPostForm } from "./EditPostForm";
import s from "./forum.module.css";
import { ReportButton, useInvalidateForum, VoteButton } from "./PostActions";
import { Byline, DeleteButton, EditHistory, PostBody } from "./PostParts";
import { problemMessage } from "./problem";
import { ReplyForm } from "./ReplyForm";
import { ModerationButton } from "./StaffTools";

/** One reply, its actions, and (top-level only) its nested replies and a "Reply" form. */
export function ReplyItem({
  thread,
  reply,
  children,
}: {
  thread: ThreadDetail;
  reply: ReplyView;
  children?: ReactNode;
}) {
  const { t } = useLingui();
  const [editing, setEditing] = useState(false);
  const [answering, setAnswering] = useState(false);
  const { viewer } = thread;
  const invalidate = useInvalidateForum();
  const accept = useMutation(trpc.forum.accept.mutationOptions({ onSettled: invalidate }));
  const unaccept = useMutation(trpc.forum.unaccept.mutationOptions({ onSettled: invalidate }));
  const endorse = useMutation(trpc.forum.endorse.mutationOptions({ onSettled: invalidate }));
  const post = { type: "reply" as const, id: reply.id };
  const authorName = reply.author?.name ?? t`a deleted account`;
  const label = t`reply by ${authorName}`;
  const mutedName = reply.author?.name ?? "";
  const live = !reply.deleted;
  const topLevel = reply.parentId === null;
  const error = [accept, unaccept, endorse].find((m) => m.isError)?.error;
  return (
    <li className={cx(s.reply, reply.accepted && s.accepted)}>
      <article id={`reply-${reply.id}`} aria-label={label} tabIndex={-1}>
        <Byline author={reply.author} createdAt={reply.createdAt} editedAt={reply.editedAt} />
        <p className={s.meta}>
          {reply.accepted && (
            <Badge tone="success">
              <Trans>Accepted answer</Trans>
            </Badge>
          )}
          {reply.endorsed && (
            <Badge tone="accent">
              {reply.endorsedBy ? (
                <Trans>
                  Endorsed by <span translate="no">{reply.endorsedBy.name}</span>
                </Trans>
              ) : (
                <Trans>Endorsed</Trans>
              )}
            </Badge>
          )}
        </p>
        {editing ? (
          <EditPostForm
            courseId={thread.courseId}
            post={post}
            initialBody={reply.body ?? ""}
            onDone={() => setEditing(false)}
          />
        ) : (
          <PostBody
            body={reply.body}
            deleted={reply.deleted}
            hidden={reply.hidden}
            hiddenReason={reply.hiddenReason}
          />
        )}
        {live && !editing && (
          <div className={s.postActions}>
            <VoteButton post={post} voted={reply.voted} score={reply.score} label={label} />
            {topLevel && viewer.canReply && !thread.locked && (
              <Button
                size="small"
                variant="ghost"
                aria-expanded={answering}
                onClick={() => setAnswering(!answering)}
              >
                <Trans>Reply</Trans>
              </Button>
            )}
            {thread.kind === "question" &&
              viewer.canAccept &&
              topLevel &&
              (reply.accepted ? (
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => unaccept.mutate({ threadId: thread.id })}
                >
                  <Trans>Unaccept answer</Trans>
                </Button>
              ) : (
                thread.acceptedReplyId === null && (
                  <Button
                    size="small"
                    onClick={() => accept.mutate({ replyId: reply.id })}
                    disabled={accept.isPending}
                  >
                    <Trans>Accept answer</Trans>
                  </Button>
                )
              ))}
            {viewer.isStaff && (
              <Button
                size="small"
                variant="ghost"
                aria-pressed={reply.endorsed}
                onClick={() => endorse.mutate({ replyId: reply.id, endorsed: !reply.endorsed })}
              >
                {reply.endorsed ? <Trans>Endorsed</Trans> : <Trans>Endorse</Trans>}
              </Button>
            )}
            {reply.canEdit && (
              <Button size="small" variant="ghost" onClick={() => setEditing(true)}>
                <Trans>Edit</Trans>
              </Button>
            )}
            {reply.canEdit && <DeleteButton post={post} />}
            {!reply.canEdit && <ReportButton post={post} label={label} />}
            {viewer.isStaff && (
              <ModerationButton
                action={{ kind: "hide", post, hidden: !reply.hidden }}
                label={reply.hidden ? t`Unhide` : t`Hide`}
              />
            )}
            {viewer.isStaff && reply.author && !reply.author.isStaff && (
              <ModerationButton
                action={{
                  kind: "mute",
                  courseId: thread.courseId,
                  userId: reply.author.id,
                  name: reply.author.name,
                }}
                label={t`Mute ${mutedName}`}
              />
            )}
          </div>
        )}
        {error && (
          <p role="alert" className={s.inlineError}>
            {problemMessage(error, t`That did not work.`)}
          </p>
        )}
        {viewer.isStaff && reply.editedAt && <EditHistory post={post} />}
      </article>
      {answering && (
        <ReplyForm
          courseId={thread.courseId}
          threadId={thread.id}
          parentId={reply.id}
          label={reply.author ? t`Reply to ${authorName}` : t`Reply to this reply`}
          onDone={() => setAnswering(false)}
        />
      )}
      {children}
    </li>
  );
}
