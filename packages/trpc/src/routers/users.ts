import { changeRoleInput, changeUserRole } from "@lumen/core/users";
import { adminProcedure, router } from "../trpc";

/** Account administration. */
export const usersRouter = router({
  changeRole: adminProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeUserRole({ db: ctx.db, actor: ctx.user, input })),
});
