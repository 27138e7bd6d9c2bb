import { accountRetirements } from "@lumen/db";
import { desc } from "drizzle-orm";
import { type Database, ForbiddenError, type SessionUser } from "../../kernel";
import { type RetirementAdminView, toAdminView } from "./view";

/** The newest retirements and how far each got, for admins (no one's identity, ADR 0027). */
export async function listRetirements({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<RetirementAdminView[]> {
  if (user.role !== "admin") throw new ForbiddenError("Only admins can see retirements.");
  const rows = await db
    .select()
    .from(accountRetirements)
    .orderBy(desc(accountRetirements.requestedAt))
    .limit(200);
  return rows.map(toAdminView);
}
