import { useEffect, useState } from "react";
import { copyText } from "../../lib/clipboard";
import { formatDate } from "../../lib/format";
import type { CertificateSummary } from "./api";
import "../../learn.css";

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
      className={`certificate-card${revoked ? " is-revoked" : ""}`}
      aria-label={`Certificate: ${certificate.courseTitle}`}
    >
      <Heading className="certificate-heading">
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
        <p className="form-error">
          Revoked on {formatDate(certificate.revokedAt ?? "")}
          {certificate.revokedReason ? `: ${certificate.revokedReason}` : "."}
        </p>
      )}
      <div className="certificate-actions">
        {certificate.pdfUrl ? (
          <a className="button button-primary button-small" href={certificate.pdfUrl} download>
            Download certificate (PDF)
          </a>
        ) : (
          <span className="muted" role="status">
            The PDF is being prepared…
          </span>
        )}
        <a
          className="button button-secondary button-small"
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
    <svg className="award-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
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
        className="button button-ghost button-small"
        onClick={async () => say((await copyText(url)) ? "Link copied" : `Copy failed: ${url}`)}
      >
        Copy verification link
      </button>
      <span className="copy-status" role="status">
        {said}
      </span>
    </>
  );
}
