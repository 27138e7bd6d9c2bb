import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../../lib/trpc";
import { ConfirmDialog } from "../ConfirmDialog";
import type { ApiKey } from "./view";

/** Confirms revoking a key; programs using it get 401 from the next request on. */
export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const { name, prefix } = apiKey;
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    }),
  );
  return (
    <ConfirmDialog
      title={t`Revoke “${name}”?`}
      confirmLabel={t`Revoke key`}
      pendingLabel={t`Revoking…`}
      failure={t`The key was not revoked. Check your connection and try again.`}
      onConfirm={() => revoke.mutateAsync({ keyId: apiKey.id })}
      onClose={onClose}
    >
      <p>
        <Trans>
          Programs using the key <code>{prefix}…</code> stop working at once. This can't be undone.
        </Trans>
      </p>
    </ConfirmDialog>
  );
}
