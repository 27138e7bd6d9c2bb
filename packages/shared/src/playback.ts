/**
 * The player's speed menu. The fastest rate is also what the progress write path assumes a
 * learner can watch at: it never credits more of a video than wall-clock time since their
 * playback began allows at MAX_PLAYBACK_RATE (ADR 0007), so the two must stay one constant.
 */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export const MAX_PLAYBACK_RATE = Math.max(...PLAYBACK_RATES);

/**
 * Most watched intervals one progress event may carry. A player reports every few seconds,
 * so a handful is normal; clients merging unsent events stay under this.
 */
export const WATCHED_INTERVALS_MAX = 100;

/**
 * Where the SPA posts progress batches (the player's regular sends and the beacon on page
 * hide): a plain JSON route taking `{ events }` and answering what tRPC's `progress.record`
 * answers, under /api so the same proxy rules reach it (ADR 0029).
 */
export const PROGRESS_BEACON_PATH = "/api/progress/beacon";
