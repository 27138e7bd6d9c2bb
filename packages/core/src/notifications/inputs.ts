import { z } from "zod";
import { id, singleLine } from "../kernel";

export const listNotificationsInput = z.object({
  cursor: singleLine({ label: "Cursor", max: 200, trim: false }).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListNotificationsInput = z.output<typeof listNotificationsInput>;

/** Either some notifications by id, or all of the user's. */
export const markReadInput = z.union([
  z.object({ ids: z.array(id("id")).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkReadInput = z.output<typeof markReadInput>;
