import { userRole } from "@lumen/db";
import { z } from "zod";

export const changeRoleInput = z.object({
  userId: z.string().trim().min(1, "Choose a user.").max(255),
  role: z.enum(userRole.enumValues),
});
export type ChangeRoleInput = z.output<typeof changeRoleInput>;
