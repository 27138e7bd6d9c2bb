import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Markdown } from "../../components/Markdown";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
import { intlLocale } from "../../lib/i18n";
import { formatRelative } from "../../lib/relative-time";
import { trpc } from "../../lib/trpc";
import type { PostRef } from "./api";
import s from "./forum.module.css";
import { useInvalidateForum } from "./PostActions";
import { problemMessage } from "./problem";

/** Who wrote a post and when, with the staff badge and "edited". */
export function Byline({
  author,
  createdAt,
  editedAt,
}: {
  author: { name: string; isStaff: boolean } | null;
  createdAt: string;
  editedAt: string | null;
}) {
  const { t } = useLingui();
  const edited = editedAt ? new Date(editedAt).toLocaleString(intlLocale()) : "";
  return (
    <p className={s.meta}>
      {author ? (
        <strong translate="no">{author.name}</strong>
      ) : (
        <strong>
          <Trans>Deleted account</Trans>
        </strong>
      )}
      {author?.isStaff && (
        <Badge tone="info">
          <Trans>Staff</Trans>
        </Badge>
      )}
      <time dateTime={createdAt}>{formatRelative(createdAt)}</time>
      {editedAt && (
        <span className={s.note} title={t`Edited ${edited}`}>
          <Trans>(edited)</Trans>
        </span>
      )}
    </p>
  );
}

/** A post's body, or the placeholder a deleted one leaves, with the hidden marker for staff. */
export function PostBody({
  body,
  deleted,
  hidden,
  hiddenReason,
}: {
  body: string | null;
  deleted: boolean;
  hidden: boolean;
  hiddenReason: string | null;
}) {
  return (
    <>
      {hidden && (
        <p className={s.hiddenNote}>
          <Badge tone="danger">
            <Trans>Hidden</Trans>
          </Badge>{" "}
          {hiddenReason ? (
            <Trans>
              Only moderators and its author see this post:{" "}
              <span translate="no">{hiddenReason}</span>
            </Trans>
          ) : (
            <Trans>Only moderators and its author see this post.</Trans>
          )}
        </p>
      )}
      {deleted || body === null ? (
        <p className={s.deleted}>
          <Trans>[deleted] This post was deleted by its author.</Trans>
        </p>
      ) : (
        <Markdown source={body} headingBase={3} />
      )}
    </>
  );
}

/** Delete (soft) after a confirmation in place; the post stays as a placeholder. */
export function DeleteButton({ post }: { post: PostRef }) {
  const { t } = useLingui();
  const [confirming, setConfirming] = useState(false);
  const invalidate = useInvalidateForum();
  const options = { onSettled: invalidate };
  const deleteThread = useMutation(trpc.forum.deleteThread.mutationOptions(options));
  const deleteReply = useMutation(trpc.forum.deleteReply.mutationOptions(options));
  const mutation = post.type === "thread" ? deleteThread : deleteReply;
  if (!confirming) {
    return (
      <Button size="small" variant="ghost" onClick={() => setConfirming(true)}>
        <Trans>Delete</Trans>
      </Button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
    <span className={s.confirm} role="group" aria-label={t`Confirm delete`}>
      <span>
        <Trans>Delete this post?</Trans>
      </span>
      <Button
        size="small"
        variant="danger"
        disabled={mutation.isPending}
        onClick={() =>
          post.type === "thread"
            ? deleteThread.mutate({ threadId: post.id })
            : deleteReply.mutate({ replyId: post.id })
        }
      >
        <Trans>Delete</Trans>
      </Button>
      <Button size="small" variant="ghost" onClick={() => setConfirming(false)}>
        <Trans>Keep</Trans>
      </Button>
      {mutation.isError && (
        <span role="alert" className={s.inlineError}>
          {problemMessage(mutation.error, t`The post was not deleted.`)}
        </span>
      )}
    </span>
  );
}

/** Staff only: the post's earlier versions, newest first. */
export function EditHistory({ post }: { post: PostRef }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const history = useQuery({ ...trpc.forum.history.queryOptions({ post }), enabled: open });
  return (
    <div className={s.history}>
      <Button size="small" variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? <Trans>Hide edit history</Trans> : <Trans>Edit history</Trans>}
      </Button>
      {open &&
        (history.isPending ? (
          <p className="muted">
            <Trans>Loading history…</Trans>
          </p>
        ) : history.isError ? (
          <p role="alert">{problemMessage(history.error, t`The history could not be loaded.`)}</p>
        ) : history.data.length === 0 ? (
          <p className="muted">
            <Trans>Never edited.</Trans>
          </p>
        ) : (
          <ol className={s.revisions}>
            {history.data.map((revision) => (
              <li key={revision.id}>
                <p className={s.meta}>
                  {revision.editor ? (
                    <Trans>
                      Before an edit by <span translate="no">{revision.editor.name}</span>,{" "}
                      {formatRelative(revision.createdAt)}
                    </Trans>
                  ) : (
                    <Trans>
                      Before an edit by a deleted account, {formatRelative(revision.createdAt)}
                    </Trans>
                  )}
                </p>
                {revision.previousTitle && (
                  <p translate="no">
                    <strong>{revision.previousTitle}</strong>
                  </p>
                )}
                <pre className={s.revisionBody} translate="no">
                  {revision.previousBody}
                </pre>
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}
