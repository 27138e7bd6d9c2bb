import { Trans, useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import s from "./states.module.css";
import { Button } from "./ui/Button";
import { cx } from "./ui/cx";

/** Announced politely to screen readers; the spinner itself is decoration. */
export function LoadingState({ label }: { label?: string }) {
  return (
    <div className={s.state} role="status">
      <span className={s.spinner} aria-hidden="true" />
      <span>{label ?? <Trans>Loading…</Trans>}</span>
    </div>
  );
}

export function PageLoading() {
  const { t } = useLingui();
  return <LoadingState label={t`Loading page…`} />;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={cx(s.state, s.empty)}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
}) {
  return (
    <div className={cx(s.state, s.error)} role="alert">
      <h2>{title ?? <Trans>Something went wrong</Trans>}</h2>
      <p>
        {message ?? <Trans>We could not load this. Check your connection and try again.</Trans>}
      </p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          <Trans>Try again</Trans>
        </Button>
      )}
    </div>
  );
}

/** The state classes (box, spinner), for a region that lays one out itself. */
export const stateStyles = s;
