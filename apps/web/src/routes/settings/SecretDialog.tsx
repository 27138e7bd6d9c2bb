import { Trans, useLingui } from "@lingui/react/macro";
import { type ReactNode, useId, useRef, useState } from "react";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { fieldStyles as f } from "../../components/ui/Field";
import { Notice } from "../../components/ui/Notice";
import { copyText } from "../../lib/clipboard";
import s from "./settings.module.css";

/**
 * Shows a secret (a new API key's token, a webhook's signing secret) with a Copy button. The
 * secret lives only in this dialog's props: closing it drops the secret, and no query cache
 * holds it.
 */
export function SecretDialog({
  title,
  label,
  warning,
  secret,
  onClose,
}: {
  title: string;
  label: string;
  warning: ReactNode;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState("");
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={onClose}
    >
      <form method="dialog" className={s.dialogForm}>
        <h2 id={`${id}-title`}>{title}</h2>
        <Notice tone="warning" as="p" id={`${id}-text`}>
          {warning}
        </Notice>
        <div className={f.field}>
          <label htmlFor={`${id}-secret`}>{label}</label>
          <input
            id={`${id}-secret`}
            className={s.secret}
            readOnly
            value={secret}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <div className={f.actions}>
          <Button
            variant="primary"
            onClick={async () =>
              setCopied((await copyText(secret)) ? t`Copied to the clipboard.` : t`Copy failed.`)
            }
          >
            <Trans>Copy</Trans>
          </Button>
          <Button type="submit" variant="ghost">
            <Trans>Done</Trans>
          </Button>
          <span role="status" className={s.copyStatus}>
            {copied}
          </span>
        </div>
      </form>
    </Dialog>
  );
}
