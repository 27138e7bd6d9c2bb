/** How long a requested deletion waits, cancellable, before the retirement job runs. */
export const DEFAULT_GRACE_DAYS = 14;

/** The name every retired account shows (forum posts, course instructor, certificates). */
export const RETIRED_NAME = "Deleted user";

/**
 * The tombstone's address: unique (the column is), undeliverable (`.invalid` is reserved,
 * RFC 2606) and made of the retirement id alone, so it says nothing about the person.
 */
export const retiredEmail = (retirementId: string) => `retired-${retirementId}@deleted.invalid`;

/** A running retirement untouched this long is taken to have crashed and is enqueued again. */
export const STALLED_AFTER_MS = 10 * 60 * 1000;
