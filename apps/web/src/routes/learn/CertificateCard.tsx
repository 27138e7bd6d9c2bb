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
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const revoked = certificate.revokedAt !== null;
  return (
    <article
      className={cx(s.card, revoked && s.revoked)}
      aria-label={`Certificate: ${certificate.courseTitle}`}
    >
      <Heading className={s.heading}>
        <AwardIcon />
        {revoked ? "Certificate revoked" : "Certificate earned"}
      </Heading>
      <p>
        <strong>{certificate.courseTitle}</strong>
        <br />
        <span className="muted">
          Issued to {certificate.learnerName} on {formatDate(certificate.issuedAt)}
        </span>
      </p>
      {revoked && (
        <p className={f.formError}>
          Revoked on {formatDate(certificate.revokedAt ?? "")}
          {certificate.revokedReason ? `: ${certificate.revokedReason}` : "."}
        </p>
      )}
      <div className={s.actions}>
        {certificate.pdfUrl ? (
          <a
            className={buttonClass({ variant: "primary", size: "small" })}
            href={certificate.pdfUrl}
            download
          >
            Download certificate (PDF)
          </a>
        ) : (
          <span className="muted" role="status">
            The PDF is being prepared…
          </span>
        )}
        <a
          className={buttonClass({ variant: "secondary", size: "small" })}
          href={certificate.verifyUrl}
          target="_blank"
          rel="noopener"
        >
          Verification page<span className="visually-hidden"> (opens a new tab)</span>
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
        onClick={async () => say((await copyText(url)) ? "Link copied" : `Copy failed: ${url}`)}
      >
        Copy verification link
      </button>
      <span className={s.copyStatus} role="status">
        {said}
      </span>
    </>
  );
}
