import type { Database } from "@lumen/db";
import type { JobHandler } from "@lumen/jobs";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";

export interface JobDeps {
  db: Database;
  env: ApiEnv;
  logger: Logger;
}

/**
 * Every job kind this runner serves, wired to its dependencies. Feature issues add their
 * handlers here; job definitions (names, payloads, retry policy) live in @lumen/jobs.
 */
export function jobHandlers(_deps: JobDeps): JobHandler[] {
  return [];
}
