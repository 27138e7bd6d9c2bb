import type { Database } from "@lumen/db";
import type { JobHandler, Outbox } from "@lumen/jobs";
import type { SearchBackend } from "@lumen/search";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";
import { indexCourseHandler } from "./index-course";
import { purgeEdgeHandler } from "./purge-edge";

export interface JobDeps {
  db: Database;
  env: ApiEnv;
  logger: Logger;
  search: SearchBackend;
  /** For jobs that schedule follow-up jobs (indexing → edge purge). */
  outbox: Outbox;
}

/**
 * Every job kind this runner serves, wired to its dependencies. Feature issues add their
 * handlers here; job definitions (names, payloads, retry policy) live in @lumen/jobs.
 */
export function jobHandlers(deps: JobDeps): JobHandler[] {
  return [indexCourseHandler(deps), purgeEdgeHandler(deps)];
}
