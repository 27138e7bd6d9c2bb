import { Trans } from "@lingui/react/macro";
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
      {state === "dirty" && <Trans>Unsaved changes</Trans>}
      {state === "saving" && <Trans>Saving…</Trans>}
      {state === "saved" && <Trans>Saved</Trans>}
      {state === "error" && (
        <>
          <span>{error ?? <Trans>Couldn't save.</Trans>}</span>{" "}
          {onRetry && (
            <button type="button" className={linkButtonClass} onClick={onRetry}>
              <Trans>Retry</Trans>
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
