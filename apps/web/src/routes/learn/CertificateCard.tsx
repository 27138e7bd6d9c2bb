import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useState } from "react";
import { buttonClass } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { fieldStyles as f } from "../../components/ui/Field";
import { copyText } from "../../lib/clipboard";
import { formatDate } from "../../lib/format";
import type { CertificateSummary } from "./api";
import s from "./CertificateCard.module.css";

/**
 * An issued certificate: download the PDF (same origin), open the public verification page
 * (at the edge, what the QR code on the PDF opens), or copy its link to share.
 */
export function CertificateCard({
  certificate,
  headingLevel = 3,
}: {
  certificate: CertificateSummary;
  headingLevel?: 2 | 3;
}) {
  const { t } = useLingui();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const revoked = certificate.revokedAt !== null;
  const { courseTitle, learnerName, revokedReason: reason } = certificate;
  const issuedOn = formatDate(certificate.issuedAt);
  const revokedOn = formatDate(certificate.revokedAt ?? "");
  return (
    <article
      className={cx(s.card, revoked && s.revoked)}
      aria-label={t`Certificate: ${courseTitle}`}
    >
      <Heading className={s.heading}>
        <AwardIcon />
        {revoked ? <Trans>Certificate revoked</Trans> : <Trans>Certificate earned</Trans>}
      </Heading>
      <p>
        <strong translate="no">{courseTitle}</strong>
        <br />
        <span className="muted">
          <Trans>
            Issued to {learnerName} on {issuedOn}
          </Trans>
        </span>
      </p>
      {revoked && (
        <p className={f.formError}>
          {reason ? (
            <Trans>
              Revoked on {revokedOn}: {reason}
            </Trans>
          ) : (
            <Trans>Revoked on {revokedOn}.</Trans>
          )}
        </p>
      )}
      <div className={s.actions}>
        {certificate.pdfUrl ? (
          <a
            className={buttonClass({ variant: "primary", size: "small" })}
            href={certificate.pdfUrl}
            download
          >
            <Trans>Download certificate (PDF)</Trans>
          </a>
        ) : (
          <span className="muted" role="status">
            <Trans>The PDF is being prepared…</Trans>
          </span>
        )}
        <a
          className={buttonClass({ variant: "secondary", size: "small" })}
          href={certificate.verifyUrl}
          target="_blank"
          rel="noopener"
        >
          <Trans>
            Verification page<span className="visually-hidden"> (opens a new tab)</span>
          </Trans>
        </a>
        <CopyLinkButton url={certificate.verifyUrl} />
      </div>
    </article>
  );
}

export function AwardIcon() {
  return (
    <svg className={s.award} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="9" r="6" />
      <path d="m8.5 13.9-1.5 7.1 5-2.6 5 2.6-1.5-7.1" />
    </svg>
  );
}

function CopyLinkButton({ url }: { url: string }) {
  const { t } = useLingui();
  const [said, say] = useState("");
  useEffect(() => {
    if (!said) return;
    const timer = window.setTimeout(() => say(""), 4_000);
    return () => window.clearTimeout(timer);
  }, [said]);
  return (
    <>
      <button
        type="button"
        className={buttonClass({ variant: "ghost", size: "small" })}
        onClick={async () => say((await copyText(url)) ? t`Link copied` : t`Copy failed: ${url}`)}
      >
        <Trans>Copy verification link</Trans>
      </button>
      <span className={s.copyStatus} role="status">
        {said}
      </span>
    </>
  );
}
