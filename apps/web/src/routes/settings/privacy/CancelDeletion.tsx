import { Trans } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "../../../components/ui/Button";
import { Notice } from "../../../components/ui/Notice";
import { trpc } from "../../../lib/trpc";

/** Cancels the signed-in user's pending deletion (the banner and the privacy page share it). */
export function CancelDeletion({ size }: { size?: "small" }) {
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.privacy.cancelDeletion.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.privacy.deletion.queryKey() }),
    }),
  );
  return (
    <>
      <Button
        variant="primary"
        size={size}
        onClick={() => cancel.mutate()}
        disabled={cancel.isPending}
      >
        {cancel.isPending ? <Trans>Cancelling…</Trans> : <Trans>Cancel deletion</Trans>}
      </Button>
      {cancel.isError && (
        <Notice tone="error" as="p" role="alert">
          {cancel.error.message}
        </Notice>
      )}
    </>
  );
}
