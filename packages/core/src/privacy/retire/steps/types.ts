import type { Outbox } from "@lumen/jobs";
import type { MediaStore } from "@lumen/media";
import type { Transaction } from "../../../kernel";

/** What a retirement step works with: its transaction holds the retirement's row lock. */
export interface StepContext {
  tx: Transaction;
  userId: string;
  retirementId: string;
  store: MediaStore;
  outbox: Outbox;
  now: Date;
}

/**
 * One step of the retirement. Each is idempotent (it deletes or rewrites by the user's id, so
 * a rerun after a crash finds nothing left to do or does the same again) and commits together
 * with the retirement's `step`, so a finished step is never run again.
 */
export interface RetirementStep {
  name: string;
  run: (ctx: StepContext) => Promise<void>;
}
