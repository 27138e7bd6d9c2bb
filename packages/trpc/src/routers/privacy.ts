import { listExports, requestExport } from "@lumen/core/privacy";
import { protectedProcedure, router } from "../trpc";

/**
 * The signed-in user's data exports (issue 16): ask for one (one pending at a time; the job
 * builds it) and list them with their state. The archive itself is streamed by the API's
 * `GET /api/privacy/exports/:id/download`, not through tRPC.
 */
export const privacyRouter = router({
  exports: protectedProcedure.query(({ ctx }) => listExports({ db: ctx.db, user: ctx.user })),
  requestExport: protectedProcedure.mutation(({ ctx }) =>
    requestExport({ db: ctx.db, user: ctx.user, outbox: ctx.outbox }),
  ),
});
