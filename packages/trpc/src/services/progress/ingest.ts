import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { ProgressIngest } from "./types";

// CONTRACT STUB: replace the body (keep the signature).
export function createProgressIngest(_deps: {
  db: Database;
  outbox: Outbox;
  /** Upper bound of events merged into one transaction. */
  maxBatchEvents?: number;
}): ProgressIngest {
  return {
    record: async () => {
      throw new Error("not implemented: createProgressIngest");
    },
    close: async () => {},
  };
}
