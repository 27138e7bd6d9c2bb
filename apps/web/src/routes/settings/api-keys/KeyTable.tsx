import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import t from "../settings.module.css";
import { When } from "../When";
import s from "./api-keys.module.css";
import { type ApiKey, SCOPE_TEXT, STATUS_TEXT } from "./view";

/** The caller's keys: what each is, when it was last used, and a way to revoke it. */
export function KeyTable({
  keys,
  onRevoke,
}: {
  keys: readonly ApiKey[];
  onRevoke: (key: ApiKey) => void;
}) {
  return (
    <div className={t.tableScroll}>
      <table className={t.table}>
        <caption className="visually-hidden">Your API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Access</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{SCOPE_TEXT[key.scope].label}</td>
              <td>
                <When iso={key.createdAt} />
              </td>
              <td>{key.expiresAt ? <When iso={key.expiresAt} /> : "Never"}</td>
              <td>{key.lastUsedAt ? <When iso={key.lastUsedAt} relative /> : "Never used"}</td>
              <td>
                <Badge tone={STATUS_TEXT[key.status].tone} dot>
                  {STATUS_TEXT[key.status].label}
                </Badge>
              </td>
              <td className={s.actionsCell}>
                {key.status !== "revoked" && (
                  <Button
                    size="small"
                    variant="ghost"
                    aria-label={`Revoke ${key.name}`}
                    onClick={() => onRevoke(key)}
                  >
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
