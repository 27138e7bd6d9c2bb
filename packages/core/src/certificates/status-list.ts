import { STATUS_LIST_SIZE, statusListPosition } from "@lumen/credentials";
import { certificateStatusLists } from "@lumen/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "../kernel";

const nextIndex = z.object({ index: z.coerce.number().int().min(0) });

/**
 * Takes the next global status index for a certificate being issued in `tx`, and makes sure its
 * list has a row, so the publish job that follows signs and publishes the list before anyone
 * can look the new certificate up in it.
 */
export async function allocateStatusListIndex(tx: Transaction): Promise<number> {
  const { rows } = await tx.execute(sql`select nextval('certificate_status_index_seq') as index`);
  const { index } = nextIndex.parse(rows[0]);
  const { list } = statusListPosition(index);
  await tx.insert(certificateStatusLists).values({ id: list }).onConflictDoNothing();
  return index;
}

/**
 * Called in a revocation's transaction: the certificate's list has changed, so its version goes
 * up and the next publish job re-signs it. The row lock this takes also orders revocations of a
 * list against the job reading it (publish-status-list.ts).
 */
export async function markStatusListChanged(
  tx: Transaction,
  statusListIndex: number | null,
): Promise<void> {
  if (statusListIndex === null) return; // issued before status lists: nothing lists it
  const { list } = statusListPosition(statusListIndex);
  await tx
    .insert(certificateStatusLists)
    .values({ id: list })
    .onConflictDoUpdate({
      target: certificateStatusLists.id,
      set: { version: sql`${certificateStatusLists.version} + 1`, updatedAt: new Date() },
    });
}

/** The global indices list `list` covers: [first, first + STATUS_LIST_SIZE). */
export function firstIndexOf(list: number): number {
  return (list - 1) * STATUS_LIST_SIZE;
}
