import { changeUserRole } from "../services/users/change-role";
import { changeRoleInput } from "../services/users/inputs";
import { adminProcedure, router } from "../trpc";

/** Account administration. */
export const usersRouter = router({
  changeRole: adminProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeUserRole({ db: ctx.db, actor: ctx.user, input })),
});
