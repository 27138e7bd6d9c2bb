import { Badge } from "../../../components/ui/Badge";
import { buttonClass } from "../../../components/ui/Button";
import { formatBytes } from "../../../lib/transfer-rate";
import t from "../settings.module.css";
import { When } from "../When";
import s from "./privacy.module.css";
import { type DataExport, isPending, STATUS_TEXT } from "./view";

/** The caller's exports: state (live while preparing), size, expiry and the download. */
export function ExportTable({ exports }: { exports: readonly DataExport[] }) {
  return (
    <div className={t.tableScroll}>
      <table className={t.table}>
        <caption className="visually-hidden">Your data exports</caption>
        <thead>
          <tr>
            <th scope="col">Requested</th>
            <th scope="col">Status</th>
            <th scope="col">Size</th>
            <th scope="col">Available until</th>
            <th scope="col">
              <span className="visually-hidden">Download</span>
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
                    {STATUS_TEXT[e.status].label}
                  </Badge>
                  {isPending(e) && (
                    <progress className={s.progress} aria-label="Preparing your export" />
                  )}
                </span>
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
                    Download
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
