import { changeUserRole } from "@lumen/core/users/change-role";
import { changeRoleInput } from "@lumen/core/users/inputs";
import { adminProcedure, router } from "../trpc";

/** Account administration. */
export const usersRouter = router({
  changeRole: adminProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeUserRole({ db: ctx.db, actor: ctx.user, input })),
});
