import { linkButtonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import s from "./editor.module.css";
export type SaveState = "clean" | "dirty" | "saving" | "saved" | "error";

/** Where a form's changes stand, announced politely; a failed save offers a retry. */
export function SaveStatus({
  state,
  error,
  onRetry,
}: {
  state: SaveState;
  error?: string | undefined;
  onRetry?: () => void;
}) {
  return (
    <p
      className={cx(s.saveStatus, state === "saved" && s.saved, state === "error" && s.error)}
      role="status"
    >
      {state === "dirty" && "Unsaved changes"}
      {state === "saving" && "Saving…"}
      {state === "saved" && "Saved"}
      {state === "error" && (
        <>
          <span>{error ?? "Couldn't save."}</span>{" "}
          {onRetry && (
            <button type="button" className={linkButtonClass} onClick={onRetry}>
              Retry
            </button>
          )}
        </>
      )}
    </p>
  );
}

export function saveState(
  m: { isPending: boolean; isError: boolean; isSuccess: boolean },
  dirty: boolean,
): SaveState {
  if (m.isPending) return "saving";
  if (m.isError) return "error";
  if (dirty) return "dirty";
  return m.isSuccess ? "saved" : "clean";
}
