import { type DragEvent, type ReactNode, useId, useState } from "react";
import { buttonClass } from "../../../../components/ui/Button";
import { cx } from "../../../../components/ui/cx";
import { fieldStyles as f } from "../../../../components/ui/Field";
import s from "./video-editor.module.css";

/**
 * Where a file comes in (a video; a PDF with `accept`): a real file input (keyboard and
 * screen-reader reachable, styled as a button) inside an area that also takes a dropped file.
 */
export function VideoDropZone({
  buttonLabel,
  accept = "video/*",
  hint,
  error,
  disabled,
  onFile,
  children,
}: {
  buttonLabel: string;
  accept?: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  disabled?: boolean;
  onFile: (file: File) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent) => !disabled && event.dataTransfer.types.includes("Files");
  const onDragOver = (event: DragEvent) => {
    if (!accepts(event)) return;
    // A file, not an outline row: the lesson row's own drop handling must not see it.
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.stopPropagation();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside does the same
    <div
      className={cx(s.drop, over && s.over)}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {children}
      <label className={buttonClass({ variant: "secondary" })}>
        {buttonLabel}
        <input
          id={id}
          type="file"
          accept={accept}
          className="visually-hidden"
          disabled={disabled}
          aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim()}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
      {hint && (
        <p id={`${id}-hint`} className={f.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={f.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
