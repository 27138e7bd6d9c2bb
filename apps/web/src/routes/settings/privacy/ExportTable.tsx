import { Trans, useLingui } from "@lingui/react/macro";
import { Badge } from "../../../components/ui/Badge";
import { buttonClass } from "../../../components/ui/Button";
import { formatBytes } from "../../../lib/transfer-rate";
import table from "../settings.module.css";
import { When } from "../When";
import s from "./privacy.module.css";
import { type DataExport, isPending, STATUS_TEXT } from "./view";

/** The caller's exports: state (live while preparing), size, expiry and the download. */
export function ExportTable({ exports }: { exports: readonly DataExport[] }) {
  const { t } = useLingui();
  return (
    <div className={table.tableScroll}>
      <table className={table.table}>
        <caption className="visually-hidden">
          <Trans>Your data exports</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Requested</Trans>
            </th>
            <th scope="col">
              <Trans>Status</Trans>
            </th>
            <th scope="col">
              <Trans>Size</Trans>
            </th>
            <th scope="col">
              <Trans>Available until</Trans>
            </th>
            <th scope="col">
              <span className="visually-hidden">
                <Trans>Download</Trans>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {exports.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <When iso={e.requestedAt} relative />
              </th>
              <td>
                {/* A live region: the status changes in place as the list polls. */}
                <span role="status" className={s.status}>
                  <Badge tone={STATUS_TEXT[e.status].tone} dot>
                    {t(STATUS_TEXT[e.status].label)}
                  </Badge>
                  {isPending(e) && (
                    <progress className={s.progress} aria-label={t`Preparing your export`} />
                  )}
                </span>
                {/* The server's own reason, shown as it comes (the server translates it). */}
                {e.status === "failed" && e.error && <p className={s.error}>{e.error}</p>}
              </td>
              <td>{e.sizeBytes === null ? "—" : formatBytes(e.sizeBytes)}</td>
              <td>{e.expiresAt ? <When iso={e.expiresAt} /> : "—"}</td>
              <td className={s.actionsCell}>
                {e.downloadPath && (
                  <a
                    className={buttonClass({ size: "small", variant: "primary" })}
                    href={e.downloadPath}
                    download
                  >
                    <Trans>Download</Trans>
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
