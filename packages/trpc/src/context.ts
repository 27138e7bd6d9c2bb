import type { RollupRequester } from "@lumen/core/analytics";
import type { SessionUser } from "@lumen/core/kernel";
import type { LiveHub } from "@lumen/core/live";
import type { PasswordCheck } from "@lumen/core/privacy";
import type { ProgressIngest } from "@lumen/core/progress";
import type { RatingPolicy } from "@lumen/core/ratings";
import type { WebhookPolicy } from "@lumen/core/webhooks";
import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { SearchBackend } from "@lumen/search";

export interface ContextInner {
  db: Database;
  /** Who the request's session says it is, possibly from a cache up to 30 s old. */
  user: SessionUser | null;
  /**
   * Re-reads the session and its user from the database, bypassing every cache. Privileged
   * procedures call it so a sign-out, a revoked session or a demotion applies at once.
   */
  currentUser: () => Promise<SessionUser | null>;
  /** Enqueues follow-up work inside the caller's transaction (search indexing, edge purge). */
  outbox: Outbox;
  /** The catalog search engine (Postgres full-text or Typesense), built once per process. */
  search: SearchBackend;
  /** Video storage and token signing (uploads, playback), built once per process. */
  media: MediaContext;
  /** The progress write path (group commit), one per process. */
  progress: ProgressIngest;
  /**
   * The process's live-event hub (one LISTEN, fanned out by topic) for subscriptions; absent
   * in contexts that serve none (scripts, most tests), where subscribing is refused.
   */
  live?: LiveHub | undefined;
  /** Asks for a dashboard rollup after a quiz attempt is written (ADR 0024); absent in tests. */
  analytics?: RollupRequester | undefined;
  /** Rules for webhook endpoint URLs (production: https only); absent: development rules. */
  webhooks?: WebhookPolicy | undefined;
  /**
   * Re-checks the signed-in user's current password (the API's: better-auth's hash, counted as
   * a sign-in attempt). Absent where nothing can check one: procedures needing it refuse.
   */
  checkPassword?: PasswordCheck | undefined;
  /** Days a requested account deletion waits, cancellable (ACCOUNT_DELETION_GRACE_DAYS). */
  deletionGraceDays?: number | undefined;
  /** Who may rate a course (RATING_MIN_COMPLETION_PERCENT); absent: the default 20 %. */
  ratings?: RatingPolicy | undefined;
  /**
   * Signs data export download links (the API's EMAIL_TOKEN_SECRET); absent: exports list
   * the session-only download path.
   */
  exportLinkSecret?: string | undefined;
}

/** Pure context: tests build it directly and call procedures with `createCaller`. */
export function createContextInner(opts: ContextInner): ContextInner {
  const { db, user, currentUser, outbox, search, media, progress, live, analytics, webhooks } =
    opts;
  const { checkPassword, deletionGraceDays, ratings, exportLinkSecret } = opts;
  return {
    db,
    user,
    currentUser,
    outbox,
    search,
    media,
    progress,
    live,
    analytics,
    webhooks,
    checkPassword,
    deletionGraceDays,
    ratings,
    exportLinkSecret,
  };
}

export type Context = ContextInner;
