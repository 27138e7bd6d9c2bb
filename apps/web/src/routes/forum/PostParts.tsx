import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Markdown } from "../../components/Markdown";
import { Badge } from "../../components/ui/Badge";
import { Button } from "../../components/ui/Button";
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
  return (
    <p className={s.meta}>
      <strong>{author ? author.name : "Deleted account"}</strong>
      {author?.isStaff && <Badge tone="info">Staff</Badge>}
      <time dateTime={createdAt}>{formatRelative(createdAt)}</time>
      {editedAt && (
        <span className={s.note} title={`Edited ${new Date(editedAt).toLocaleString()}`}>
          (edited)
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
          <Badge tone="danger">Hidden</Badge> Only moderators and its author see this post
          {hiddenReason ? `: ${hiddenReason}` : "."}
        </p>
      )}
      {deleted || body === null ? (
        <p className={s.deleted}>[deleted] This post was deleted by its author.</p>
      ) : (
        <Markdown source={body} headingBase={3} />
      )}
    </>
  );
}

/** Delete (soft) after a confirmation in place; the post stays as a placeholder. */
export function DeleteButton({ post }: { post: PostRef }) {
  const [confirming, setConfirming] = useState(false);
  const invalidate = useInvalidateForum();
  const options = { onSettled: invalidate };
  const deleteThread = useMutation(trpc.forum.deleteThread.mutationOptions(options));
  const deleteReply = useMutation(trpc.forum.deleteReply.mutationOptions(options));
  const mutation = post.type === "thread" ? deleteThread : deleteReply;
  if (!confirming) {
    return (
      <Button size="small" variant="ghost" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
    <span className={s.confirm} role="group" aria-label="Confirm delete">
      <span>Delete this post?</span>
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
        Delete
      </Button>
      <Button size="small" variant="ghost" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      {mutation.isError && (
        <span role="alert" className={s.inlineError}>
          {problemMessage(mutation.error, "The post was not deleted.")}
        </span>
      )}
    </span>
  );
}

/** Staff only: the post's earlier versions, newest first. */
export function EditHistory({ post }: { post: PostRef }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({ ...trpc.forum.history.queryOptions({ post }), enabled: open });
  return (
    <div className={s.history}>
      <Button size="small" variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Hide edit history" : "Edit history"}
      </Button>
      {open &&
        (history.isPending ? (
          <p className="muted">Loading history…</p>
        ) : history.isError ? (
          <p role="alert">{problemMessage(history.error, "The history could not be loaded.")}</p>
        ) : history.data.length === 0 ? (
          <p className="muted">Never edited.</p>
        ) : (
          <ol className={s.revisions}>
            {history.data.map((revision) => (
              <li key={revision.id}>
                <p className={s.meta}>
                  Before an edit by {revision.editor?.name ?? "a deleted account"},{" "}
                  {formatRelative(revision.createdAt)}
                </p>
                {revision.previousTitle && (
                  <p>
                    <strong>{revision.previousTitle}</strong>
                  </p>
                )}
                <pre className={s.revisionBody}>{revision.previousBody}</pre>
              </li>
            ))}
          </ol>
        ))}
    </div>
  );
}
