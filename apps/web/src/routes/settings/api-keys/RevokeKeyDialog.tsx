import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../../lib/trpc";
import { ConfirmDialog } from "../ConfirmDialog";
import type { ApiKey } from "./view";

/** Confirms revoking a key; programs using it get 401 from the next request on. */
export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    }),
  );
  return (
    <ConfirmDialog
      title={`Revoke “${apiKey.name}”?`}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      failure="The key was not revoked. Check your connection and try again."
      onConfirm={() => revoke.mutateAsync({ keyId: apiKey.id })}
      onClose={onClose}
    >
      <p>
        Programs using the key <code>{apiKey.prefix}…</code> stop working at once. This can't be
        undone.
      </p>
    </ConfirmDialog>
  );
}
