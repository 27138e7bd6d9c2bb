import type { ReactNode } from "react";
import s from "./states.module.css";
import { Button } from "./ui/Button";
import { cx } from "./ui/cx";

/** Announced politely to screen readers; the spinner itself is decoration. */
export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className={s.state} role="status">
      <span className={s.spinner} aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function PageLoading() {
  return <LoadingState label="Loading page…" />;
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
  title = "Something went wrong",
  message,
  onRetry,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
}) {
  return (
    <div className={cx(s.state, s.error)} role="alert">
      <h2>{title}</h2>
      <p>{message ?? "We could not load this. Check your connection and try again."}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** The state classes (box, spinner), for a region that lays one out itself. */
export const stateStyles = s;
