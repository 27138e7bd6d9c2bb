import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { trpc, trpcClient } from "../../../lib/trpc";
import { AttachmentItems } from "./AttachmentItems";
import s from "./Attachments.module.css";
import {
  ACCEPT,
  type Attachment,
  type AttachmentApi,
  fileProblem,
  formatLimit,
  type MyAttachments,
  type PendingFile,
  refusalMessage,
  UploadCancelled,
  uploadAttachment,
} from "./attachments";

const api: AttachmentApi = {
  start: (input) => trpcClient.assignmentFiles.start.mutate(input),
  confirm: (input) => trpcClient.assignmentFiles.confirm.mutate(input),
  remove: (input) => trpcClient.assignmentFiles.remove.mutate(input),
};

let nextKey = 0;

/**
 * The learner's attachments to their submission of an assignment lesson: choose one or more
 * files (a real, keyboard-reachable file input), each uploads with its own progress bar and
 * its own error, stored files can be removed. `locked` (the submission is in review or
 * graded) shows the files without changing them; the server refuses changes then anyway.
 * `onChange` hears the stored attachments' ids whenever they change.
 */
export function AttachmentsField({
  lessonId,
  locked,
  onChange,
}: {
  lessonId: string;
  locked: boolean;
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useLingui();
  const id = useId();
  const queryClient = useQueryClient();
  const mineQuery = trpc.assignmentFiles.mine.queryOptions({ lessonId });
  const mine = useQuery(mineQuery);
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const [removeErrors, setRemoveErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const aborts = useRef(new Map<string, () => void>());
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const abort of running.values()) abort();
    };
  }, []);

  const stored = mine.data?.attachments ?? [];
  const storedIds = stored.map((a) => a.id).join(",");
  const reportChange = useRef(onChange);
  reportChange.current = onChange;
  useEffect(() => {
    if (mine.data) reportChange.current?.(storedIds ? storedIds.split(",") : []);
  }, [storedIds, mine.data]);

  const updateMine = (change: (data: MyAttachments) => MyAttachments) =>
    queryClient.setQueryData(mineQuery.queryKey, (data) => (data ? change(data) : data));
  const patch = (key: string, next: PendingFile | null) =>
    setPending((files) =>
      next ? files.map((f) => (f.key === key ? next : f)) : files.filter((f) => f.key !== key),
    );

  const upload = async (file: File, key: string) => {
    const request = uploadAttachment(api, lessonId, file, (loaded, total) =>
      setPending((files) =>
        files.map((f) =>
          f.key === key && f.state === "uploading" ? { ...f, loaded, total: total || f.total } : f,
        ),
      ),
    );
    aborts.current.set(key, request.abort);
    try {
      const attachment: Attachment = await request.done;
      updateMine((data) => ({ ...data, attachments: [...data.attachments, attachment] }));
      patch(key, null);
      const name = attachment.filename;
      setAnnouncement(t`Attached ${name}.`);
    } catch (error) {
      if (error instanceof UploadCancelled) {
        patch(key, null);
        const name = file.name;
        setAnnouncement(t`Cancelled ${name}.`);
      } else {
        const message = error instanceof Error ? error.message : t`The upload failed.`;
        patch(key, { key, name: file.name, state: "failed", message });
      }
    } finally {
      aborts.current.delete(key);
    }
  };

  const onFiles = (files: File[]) => {
    const limits = { maxFiles: mine.data?.maxFiles ?? 5, maxBytes: mine.data?.maxBytes ?? 0 };
    let taken = stored.length + pending.filter((f) => f.state === "uploading").length;
    const added: PendingFile[] = [];
    const starts: Array<[File, string]> = [];
    for (const file of files) {
      nextKey += 1;
      const key = `file-${nextKey}`;
      const problem = fileProblem(file, taken, limits);
      if (problem) {
        added.push({ key, name: file.name, state: "failed", message: problem });
        continue;
      }
      taken += 1;
      added.push({ key, name: file.name, state: "uploading", loaded: 0, total: file.size });
      starts.push([file, key]);
    }
    setPending((current) => [...current, ...added]);
    for (const [file, key] of starts) void upload(file, key);
  };

  const onRemove = async (attachmentId: string) => {
    const name = stored.find((a) => a.id === attachmentId)?.filename ?? t`the file`;
    setRemoving((ids) => new Set(ids).add(attachmentId));
    setRemoveErrors(({ [attachmentId]: _, ...rest }) => rest);
    try {
      await api.remove({ attachmentId });
      updateMine((data) => ({
        ...data,
        attachments: data.attachments.filter((a) => a.id !== attachmentId),
      }));
      setAnnouncement(t`Removed ${name}.`);
    } catch (error) {
      setRemoveErrors((errors) => ({ ...errors, [attachmentId]: refusalMessage(error) }));
      // Locked meanwhile, say: the list and the lock state come from the server again.
      void queryClient.invalidateQueries({ queryKey: mineQuery.queryKey });
    } finally {
      setRemoving((ids) => {
        const next = new Set(ids);
        next.delete(attachmentId);
        return next;
      });
    }
  };

  if (mine.isPending) {
    return (
      <p className={s.note}>
        <Trans>Loading attachments…</Trans>
      </p>
    );
  }
  if (mine.isError) {
    return (
      <p className={s.error} role="alert">
        {refusalMessage(mine.error)}
      </p>
    );
  }
  const { allowed, maxFiles, maxBytes } = mine.data;
  if (!allowed) return null;
  const frozen = locked || mine.data.locked;
  const uploading = pending.filter((f) => f.state === "uploading").length;
  const places = maxFiles - stored.length - uploading;
  const limit = formatLimit(maxBytes);
  const hint = t`Up to ${plural(maxFiles, { one: "# file", other: "# files" })} of ${limit} each: PDF, PNG, JPEG, WebP, GIF, plain text, Markdown or ZIP.`;

  return (
    <fieldset className={s.field}>
      <legend className={s.label}>
        <Trans>Attachments</Trans>
      </legend>
      {frozen ? (
        <p className={s.note}>
          {stored.length === 0 ? (
            <Trans>
              No files were attached. Your submission is in review, so this can no longer change.
            </Trans>
          ) : (
            <Trans>Your submission is in review, so its attachments can no longer change.</Trans>
          )}
        </p>
      ) : (
        <p id={`${id}-hint`} className={s.hint}>
          {hint}
        </p>
      )}
      <AttachmentItems
        stored={stored}
        pending={pending}
        disabled={frozen}
        removing={removing}
        removeErrors={removeErrors}
        onRemove={(attachmentId) => void onRemove(attachmentId)}
        onCancel={(key) => aborts.current.get(key)?.()}
        onDismiss={(key) => patch(key, null)}
      />
      {!frozen && (
        <label className={cx(buttonClass({ variant: "secondary", size: "small" }), s.pick)}>
          {stored.length + uploading === 0 ? (
            <Trans>Attach files</Trans>
          ) : (
            <Trans>Attach more files</Trans>
          )}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            disabled={places <= 0}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = "";
              onFiles(files);
            }}
          />
        </label>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </fieldset>
  );
}
