import { userRole } from "@lumen/db";
import { z } from "zod";
import { singleLine } from "../kernel";

export const changeRoleInput = z.object({
  userId: singleLine({ label: "User", max: 255 }).min(1, "Choose a user."),
  role: z.enum(userRole.enumValues),
});
export type ChangeRoleInput = z.output<typeof changeRoleInput>;
