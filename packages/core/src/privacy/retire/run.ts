import { accountRetirements } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { MediaStore } from "@lumen/media";
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "../../kernel";
import { audit } from "./audit";
import { RETIREMENT_STEPS } from "./steps";

export type RetirementOutcome = "completed" | "skipped" | "busy";

export interface RetirementHooks {
  /** Called after each step has committed (tests stop the process here). */
  afterStep?: (step: string) => Promise<void> | void;
}

type Row = typeof accountRetirements.$inferSelect;

/**
 * The `privacy.retire` job: the retirement state machine (ADR 0027). A due pending retirement
 * becomes running; then each step after the last one recorded runs in its own transaction that
 * holds the retirement's row lock (FOR UPDATE SKIP LOCKED) and records the step with its work,
 * so a crash resumes at the step it interrupted, a finished step never runs again, and a second
 * runner meanwhile finds the row locked and leaves (`busy`). A cancelled, completed or not yet
 * due retirement is `skipped`. A failure records its error's name (never its message, which
 * could quote personal data) and is rethrown for the queue to retry.
 */
export async function runRetirement({
  db,
  store,
  outbox,
  retirementId,
  hooks = {},
  now = () => new Date(),
}: {
  db: Database;
  store: MediaStore;
  outbox: Outbox;
  retirementId: string;
  hooks?: RetirementHooks;
  now?: () => Date;
}): Promise<RetirementOutcome> {
  const started = await start(db, retirementId, now());
  if (started !== "running") return started;
  try {
    for (;;) {
      const outcome = await db.transaction(async (tx) => {
        const row = await lockRow(tx, retirementId);
        if (!row) return "busy" as const;
        if (row.state !== "running") return "skipped" as const;
        const at = now();
        const next = nextStep(row.step);
        if (!next) {
          await tx
            .update(accountRetirements)
            .set({ state: "completed", completedAt: at, lastError: null, updatedAt: at })
            .where(eq(accountRetirements.id, retirementId));
          await audit(tx, "retirement_completed", retirementId, "system", at);
          return "completed" as const;
        }
        await next.run({ tx, userId: row.userId, retirementId, store, outbox, now: at });
        await tx
          .update(accountRetirements)
          .set({ step: next.name, updatedAt: at })
          .where(eq(accountRetirements.id, retirementId));
        return next.name;
      });
      if (outcome === "busy" || outcome === "skipped" || outcome === "completed") return outcome;
      await hooks.afterStep?.(outcome);
    }
  } catch (error) {
    await db
      .update(accountRetirements)
      .set({ lastError: errorName(error), updatedAt: now() })
      .where(eq(accountRetirements.id, retirementId));
    throw error;
  }
}

/** Moves a due pending retirement to running and counts the attempt; reports what it found. */
async function start(
  db: Database,
  retirementId: string,
  at: Date,
): Promise<"running" | "skipped" | "busy"> {
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, retirementId);
    if (!row) return "busy";
    const due = row.state === "pending" && row.scheduledFor <= at;
    if (!due && row.state !== "running") return "skipped";
    await tx
      .update(accountRetirements)
      .set({
        state: "running",
        startedAt: row.startedAt ?? at,
        attempts: row.attempts + 1,
        updatedAt: at,
      })
      .where(eq(accountRetirements.id, retirementId));
    if (due) await audit(tx, "retirement_started", retirementId, "system", at);
    return "running";
  });
}

async function lockRow(tx: Transaction, retirementId: string): Promise<Row | undefined> {
  const [row] = await tx
    .select()
    .from(accountRetirements)
    .where(eq(accountRetirements.id, retirementId))
    .for("update", { skipLocked: true });
  // Locked by another runner, or no such row: either way there is nothing for this one to do.
  return row;
}

function nextStep(done: string | null) {
  if (done === null) return RETIREMENT_STEPS[0];
  const at = RETIREMENT_STEPS.findIndex((step) => step.name === done);
  return RETIREMENT_STEPS[at + 1];
}

/** A storage error says only which status the edge answered; other messages may quote data. */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return "unknown";
  return error.name === "MediaStoreError" ? `${error.name}: ${error.message}` : error.name;
}
