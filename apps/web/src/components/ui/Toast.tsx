import { useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import s from "./Toast.module.css";

/**
 * A polite live region, always in the page so a change is announced, that shows its message
 * as a toast while `children` is given; `icon` leads it, Dismiss ends it.
 */
export function ToastRegion({
  icon,
  onDismiss,
  children,
}: {
  icon?: ReactNode;
  onDismiss: () => void;
  children: ReactNode;
}) {
  const { t } = useLingui();
  return (
    <div className={s.region} role="status" aria-live="polite">
      {children && (
        <div className={s.toast}>
          {icon}
          <p>{children}</p>
          <button type="button" className={s.close} aria-label={t`Dismiss`} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
