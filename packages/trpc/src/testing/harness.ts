import type { SessionUser } from "@lumen/core/kernel";
import type { LiveHub } from "@lumen/core/live";
import { createTestWorld } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import { createCaller } from "../root";

/**
 * One router test file's world: core's test world (its own database, a real outbox, search,
 * in-memory media, the progress write path with a movable clock) plus callers per user.
 */
export async function createTestContext() {
  const world = await createTestWorld();
  return {
    ...world,
    /**
     * Procedures as `user`. There is no session store here: privileged procedures re-read
     * the user's row, which is what the API's database check boils down to. Subscriptions
     * need a `live` hub (createLiveHub on this world's database); `signal` ends them.
     */
    callerFor: (
      user: SessionUser | null,
      {
        live,
        signal,
        checkPassword,
      }: {
        live?: LiveHub;
        signal?: AbortSignal;
        /** The API's current-password check (better-auth's, in the API's own tests). */
        checkPassword?: (password: string) => Promise<boolean>;
      } = {},
    ) =>
      createCaller(
        {
          live,
          db: world.db,
          user,
          currentUser: async () => (user ? loadSessionUser(world.db, user.id) : null),
          outbox: world.outbox,
          search: world.search,
          media: world.media,
          progress: world.progress,
          checkPassword,
        },
        { signal },
      ),
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
