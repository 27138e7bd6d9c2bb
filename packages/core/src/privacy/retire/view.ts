import type { accountRetirements } from "@lumen/db";

type RetirementRow = typeof accountRetirements.$inferSelect;

/** The holder's view of their own deletion request. */
export interface AccountDeletionView {
  id: string;
  state: RetirementRow["state"];
  requestedAt: Date;
  scheduledFor: Date;
  cancelledAt: Date | null;
}

/**
 * An admin's view of a retirement: its progress only. No user id, name or address: admins see
 * that retirements happen and how far they got, never whose (that is what was erased).
 */
export interface RetirementAdminView extends AccountDeletionView {
  startedAt: Date | null;
  completedAt: Date | null;
  step: string | null;
  attempts: number;
  lastError: string | null;
}

export function toDeletionView(row: RetirementRow): AccountDeletionView {
  return {
    id: row.id,
    state: row.state,
    requestedAt: row.requestedAt,
    scheduledFor: row.scheduledFor,
    cancelledAt: row.cancelledAt,
  };
}

export function toAdminView(row: RetirementRow): RetirementAdminView {
  return {
    ...toDeletionView(row),
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    step: row.step,
    attempts: row.attempts,
    lastError: row.lastError,
  };
}
