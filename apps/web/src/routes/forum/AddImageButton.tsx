import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useId, useRef, useState } from "react";
import { ProgressBar } from "../../components/ProgressBar";
import { buttonClass } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { fieldStyles as f } from "../../components/ui/Field";
import s from "./AddImageButton.module.css";
import {
  IMAGE_ACCEPT,
  ImageUploadCancelled,
  imageMarkdown,
  imageProblem,
  uploadForumImage,
} from "./forum-image";

type State =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; loaded: number; total: number }
  | { kind: "failed"; message: string };

/**
 * "Add image" for a post body: a real, keyboard-reachable file input; the image uploads with
 * a progress bar (Cancel stops it), a refusal shows its reason, and once stored its Markdown
 * goes to `onInsert` (the field puts it at the caret).
 */
export function AddImageButton({
  courseId,
  onInsert,
}: {
  courseId: string;
  onInsert: (markdown: string) => void;
}) {
  const { t } = useLingui();
  const id = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);

  const start = async (file: File) => {
    const problem = imageProblem(file);
    if (problem) return setState({ kind: "failed", message: problem });
    setState({ kind: "uploading", name: file.name, loaded: 0, total: file.size });
    const request = uploadForumImage(courseId, file, (loaded, total) =>
      setState((current) =>
        current.kind === "uploading"
          ? { ...current, loaded, total: total || current.total }
          : current,
      ),
    );
    abort.current = request.abort;
    try {
      const image = await request.done;
      setState({ kind: "idle" });
      onInsert(imageMarkdown(file.name, image.url));
      const name = file.name;
      setAnnouncement(t`Added ${name} to the message.`);
    } catch (error) {
      if (error instanceof ImageUploadCancelled) {
        setState({ kind: "idle" });
        const name = file.name;
        setAnnouncement(t`Cancelled ${name}.`);
      } else {
        const message = error instanceof Error ? error.message : t`The upload failed.`;
        setState({ kind: "failed", message });
      }
    } finally {
      abort.current = null;
    }
  };
  const uploadingName = state.kind === "uploading" ? state.name : "";
  const percent =
    state.kind === "uploading" && state.total > 0
      ? Math.round((state.loaded / state.total) * 100)
      : 0;

  return (
    <div className={s.row}>
      <label className={cx(buttonClass({ variant: "secondary", size: "small" }), s.pick)}>
        <Trans>Add image</Trans>
        <input
          type="file"
          accept={IMAGE_ACCEPT}
          className="visually-hidden"
          disabled={state.kind === "uploading"}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void start(file);
          }}
        />
      </label>
      <span id={`${id}-hint`} className={f.hint}>
        <Trans>PNG, JPEG, WebP or GIF, up to 5 MiB.</Trans>
      </span>
      {state.kind === "uploading" && (
        <div className={s.progress}>
          <ProgressBar
            percent={percent}
            label={t`Uploading ${uploadingName}`}
            valueText={`${percent} %`}
          />
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "small" })}
            onClick={() => abort.current?.()}
          >
            <Trans>
              Cancel<span className="visually-hidden"> uploading {uploadingName}</span>
            </Trans>
          </button>
        </div>
      )}
      {state.kind === "failed" && (
        <p className={f.error} role="alert">
          {state.message}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
