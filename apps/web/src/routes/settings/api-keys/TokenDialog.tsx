import { useId, useRef, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { fieldStyles as f } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import { copyText } from "../../../lib/clipboard";
import s from "./api-keys.module.css";

/**
 * The one time a new key's token is shown. It lives only in this dialog's props: closing the
 * dialog drops it, and no query cache or list ever holds it.
 */
export function TokenDialog({
  name,
  token,
  onClose,
}: {
  name: string;
  token: string;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<string>("");
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={onClose}
    >
      <form method="dialog" className={s.dialogForm}>
        <h2 id={`${id}-title`}>Your new key “{name}”</h2>
        <Notice tone="warning" as="p" id={`${id}-text`}>
          Copy it now and keep it somewhere safe: you will not see it again.
        </Notice>
        <div className={f.field}>
          <label htmlFor={`${id}-token`}>API key</label>
          <input
            id={`${id}-token`}
            className={s.token}
            readOnly
            value={token}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
        <div className={f.actions}>
          <Button
            variant="primary"
            onClick={async () =>
              setCopied((await copyText(token)) ? "Copied to the clipboard." : "Copy failed.")
            }
          >
            Copy
          </Button>
          <Button type="submit" variant="ghost">
            Done
          </Button>
          <span role="status" className={s.copyStatus}>
            {copied}
          </span>
        </div>
      </form>
    </Dialog>
  );
}
