import { Trans } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { buttonClass } from "../../components/ui/Button";
import { fieldStyles as f } from "../../components/ui/Field";
import { queryClient, trpc } from "../../lib/trpc";
import { AwardIcon } from "./CertificateCard";
import s from "./CertificateCard.module.css";

/**
 * Shown while a finished course's certificate is being issued (the course page polls until it
 * appears). Finishing the last lesson starts issuing by itself; the button asks again, for the
 * cases no completion announced (e.g. the instructor removed the lessons left to do).
 */
export function CertificatePending({ courseId }: { courseId: string }) {
  const request = useMutation({
    ...trpc.certificates.request.mutationOptions(),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: trpc.progress.course.queryKey({ courseId }) }),
  });
  return (
    <section className={s.card} aria-labelledby="certificate-pending-heading">
      <h2 className={s.heading} id="certificate-pending-heading">
        <AwardIcon />
        <Trans>Certificate on its way</Trans>
      </h2>
      <p role="status">
        {request.isSuccess ? (
          <Trans>Requested. Your certificate appears here in a few seconds.</Trans>
        ) : (
          <Trans>
            You finished the course. Your certificate is being issued and appears here shortly.
          </Trans>
        )}
      </p>
      {request.isError && <p className={f.formError}>{request.error.message}</p>}
      <div className={s.actions}>
        <button
          type="button"
          className={buttonClass({ variant: "secondary", size: "small" })}
          disabled={request.isPending}
          onClick={() => request.mutate({ courseId })}
        >
          {request.isPending ? (
            <Trans>Requesting…</Trans>
          ) : (
            <Trans>Still waiting? Issue my certificate</Trans>
          )}
        </button>
      </div>
    </section>
  );
}
