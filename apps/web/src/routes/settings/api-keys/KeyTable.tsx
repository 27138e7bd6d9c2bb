import { Trans, useLingui } from "@lingui/react/macro";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import settings from "../settings.module.css";
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
  const { t } = useLingui();
  return (
    <div className={settings.tableScroll}>
      <table className={settings.table}>
        <caption className="visually-hidden">
          <Trans>Your API keys</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Name</Trans>
            </th>
            <th scope="col">
              <Trans>Key</Trans>
            </th>
            <th scope="col">
              <Trans>Access</Trans>
            </th>
            <th scope="col">
              <Trans>Created</Trans>
            </th>
            <th scope="col">
              <Trans>Expires</Trans>
            </th>
            <th scope="col">
              <Trans>Last used</Trans>
            </th>
            <th scope="col">
              <Trans>Status</Trans>
            </th>
            <th scope="col">
              <span className="visually-hidden">
                <Trans>Actions</Trans>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row" translate="no">
                {key.name}
              </th>
              <td translate="no">
                <code>{key.prefix}…</code>
              </td>
              <td>{t(SCOPE_TEXT[key.scope].label)}</td>
              <td>
                <When iso={key.createdAt} />
              </td>
              <td>{key.expiresAt ? <When iso={key.expiresAt} /> : t`Never`}</td>
              <td>{key.lastUsedAt ? <When iso={key.lastUsedAt} relative /> : t`Never used`}</td>
              <td>
                <Badge tone={STATUS_TEXT[key.status].tone} dot>
                  {t(STATUS_TEXT[key.status].label)}
                </Badge>
              </td>
              <td className={s.actionsCell}>
                {key.status !== "revoked" && (
                  <Button
                    size="small"
                    variant="ghost"
                    aria-label={t`Revoke ${key.name}`}
                    onClick={() => onRevoke(key)}
                  >
                    <Trans>Revoke</Trans>
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
