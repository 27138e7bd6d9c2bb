import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useRef, useState } from "react";
import { buttonClass, iconButtonClass } from "../../../components/ui/Button";
import o from "./outline.module.css";

/** Delete in two steps, inline: the first press asks, with Cancel focused so Enter is safe. */
export function ConfirmDelete({
  label,
  question,
  onConfirm,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
}) {
  const { t } = useLingui();
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        ref={trigger}
        type="button"
        className={iconButtonClass({ danger: true })}
        aria-label={label}
        title={t`Delete`}
        onClick={() => setAsking(true)}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path
            d="M4 6h12M8 6V4h4v2m-6 0 .7 10h6.6L14 6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form fieldset
    <span className={o.confirm} role="group" aria-label={question}>
      <span className={o.confirmQuestion} aria-hidden="true">
        {question}
      </span>
      <button
        type="button"
        className={buttonClass({ variant: "danger", size: "small" })}
        onClick={onConfirm}
      >
        <Trans>Delete</Trans>
      </button>
      <button
        ref={cancel}
        type="button"
        className={buttonClass({ variant: "ghost", size: "small" })}
        onClick={() => {
          setAsking(false);
          requestAnimationFrame(() => trigger.current?.focus());
        }}
      >
        <Trans>Cancel</Trans>
      </button>
    </span>
  );
}
