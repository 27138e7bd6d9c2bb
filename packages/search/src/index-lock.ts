/**
 * Every write to a search index (either backend) holds this transaction-level advisory
 * lock. It serializes indexing jobs, so each reads the course after the previous one
 * committed: an unpublish can never be undone by a slower job that read the course earlier.
 */
export const INDEX_WRITE_LOCK = 7_358_101;
