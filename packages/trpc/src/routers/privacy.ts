import { UnauthorizedError } from "@lumen/core/kernel";
import {
  cancelAccountDeletion,
  listExports,
  listRetirements,
  myAccountDeletion,
  requestAccountDeletion,
  requestDeletionInput,
  requestExport,
} from "@lumen/core/privacy";
import { adminProcedure, privilegedProcedure, protectedProcedure, router } from "../trpc";

/**
 * The signed-in user's privacy rights (issue 16): data exports (one pending at a time; the job
 * builds it; the archive is streamed by the API's `GET /api/privacy/exports/:id/download`, not
 * through tRPC, by signed link or session) and account deletion (ADR 0027: password re-checked, a grace period, cancel),
 * plus the admins' list of retirement states.
 */
export const privacyRouter = router({
  // Ready exports carry a signed link: it also works in another browser or device for a day.
  exports: protectedProcedure.query(({ ctx }) =>
    listExports({ db: ctx.db, user: ctx.user, linkSecret: ctx.exportLinkSecret }),
  ),
  requestExport: protectedProcedure.mutation(({ ctx }) =>
    requestExport({ db: ctx.db, user: ctx.user, outbox: ctx.outbox }),
  ),
  deletion: protectedProcedure.query(({ ctx }) =>
    myAccountDeletion({ db: ctx.db, user: ctx.user }),
  ),
  // Privileged: a session signed out elsewhere must not be able to ask.
  requestDeletion: privilegedProcedure.input(requestDeletionInput).mutation(({ ctx, input }) => {
    const { checkPassword } = ctx;
    if (!checkPassword) throw new UnauthorizedError("Your password cannot be checked here.");
    return requestAccountDeletion({
      db: ctx.db,
      user: ctx.user,
      input,
      checkPassword,
      graceDays: ctx.deletionGraceDays,
    });
  }),
  cancelDeletion: privilegedProcedure.mutation(({ ctx }) =>
    cancelAccountDeletion({ db: ctx.db, user: ctx.user }),
  ),
  retirements: adminProcedure.query(({ ctx }) => listRetirements({ db: ctx.db, user: ctx.user })),
});
