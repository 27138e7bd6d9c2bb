import type { JobHandler } from "./define";

/**
 * Every job kind the runner serves. Features add their handlers here (search indexing,
 * transcoding, certificates, notifications arrive with their issues).
 */
export const jobHandlers: readonly JobHandler[] = [];
