import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { FormError, fieldStyles as f } from "../../../components/ui/Field";
import { trpc } from "../../../lib/trpc";
import s from "./api-keys.module.css";
import type { ApiKey } from "./view";

/** Confirms revoking a key; programs using it get 401 from the next request on. */
export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        dialog.current?.close();
      },
    }),
  );
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={onClose}
    >
      <form
        className={s.dialogForm}
        onSubmit={(event) => {
          event.preventDefault();
          revoke.mutate({ keyId: apiKey.id });
        }}
      >
        <h2 id={`${id}-title`}>Revoke “{apiKey.name}”?</h2>
        <p id={`${id}-text`}>
          Programs using the key <code>{apiKey.prefix}…</code> stop working at once. This can't be
          undone.
        </p>
        {revoke.isError && (
          <FormError>The key was not revoked. Check your connection and try again.</FormError>
        )}
        <div className={f.actions}>
          <Button type="submit" variant="danger" disabled={revoke.isPending}>
            {revoke.isPending ? "Revoking…" : "Revoke key"}
          </Button>
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
