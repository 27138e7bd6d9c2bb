import { sql } from "drizzle-orm";
import type { Database } from "./client";

/** Round-trips a trivial query: the readiness probe's definition of "database up". */
export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
