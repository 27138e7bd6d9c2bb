import { Trans } from "@lingui/react/macro";
import { useSearchParams } from "react-router";
import { Notice } from "../../../components/ui/Notice";

/**
 * Why a signed download link did not download, when a browser opened it: the API sends the
 * person here with `?download=invalid|expired|gone` (ADR 0027) rather than showing them JSON.
 * The page needs a session, so a reader sees this signed in, above their exports.
 */
export function DownloadLinkNotice() {
  const [searchParams] = useSearchParams();
  const reason = searchParams.get("download");
  if (reason === "expired") {
    return (
      <Notice tone="info" role="status">
        <Trans>
          That download link has expired: each link works for 24 hours. A fresh link to the same
          export is below, under “Your exports”.
        </Trans>
      </Notice>
    );
  }
  if (reason === "invalid") {
    return (
      <Notice tone="warning" role="status">
        <Trans>
          That download link is not valid: it may have been cut short or changed. Use the Download
          button under “Your exports” below, or request a new export.
        </Trans>
      </Notice>
    );
  }
  if (reason === "gone") {
    return (
      <Notice tone="warning" role="status">
        <Trans>
          That export is no longer available: exports are kept for 7 days. Request a new one below.
        </Trans>
      </Notice>
    );
  }
  return null;
}
