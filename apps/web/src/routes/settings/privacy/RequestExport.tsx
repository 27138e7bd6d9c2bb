import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "../../../components/ui/Button";
import { Notice } from "../../../components/ui/Notice";
import { Panel } from "../../../components/ui/Panel";
import { apiErrorCode, trpc } from "../../../lib/trpc";
import s from "./privacy.module.css";

/** Asks for a new export; one at a time, so the button waits while one is being prepared. */
export function RequestExport({ disabled }: { disabled: boolean }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const request = useMutation(
    trpc.privacy.requestExport.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.privacy.exports.queryKey() }),
    }),
  );
  const error = request.isError
    ? apiErrorCode(request.error) === "CONFLICT"
      ? request.error.message
      : t`The export was not requested. Check your connection and try again.`
    : null;
  return (
    <Panel as="section" raised stack className={s.panel} aria-labelledby="export-data">
      <h2 id="export-data" className={s.sectionTitle}>
        <Trans>Export your data</Trans>
      </h2>
      <p>
        <Trans>
          A ZIP file with your profile, enrollments, progress, quiz attempts, exercise and
          assignment submissions, the peer reviews you gave, forum posts, notifications,
          certificates (with their PDFs), API keys and webhooks (without their secrets), email
          choices and the files you uploaded. We email you a download link when it is ready. The
          link works for 24 hours, also on another device; the export stays here for 7 days, with a
          fresh link whenever you open this page.
        </Trans>
      </p>
      <div>
        <Button
          variant="primary"
          onClick={() => request.mutate()}
          disabled={disabled || request.isPending}
        >
          {request.isPending ? <Trans>Requesting…</Trans> : <Trans>Request an export</Trans>}
        </Button>
      </div>
      {error && (
        <Notice tone="error" as="p" role="alert">
          {error}
        </Notice>
      )}
    </Panel>
  );
}
