import { type Database, lessons, modules } from "@lumen/db";
import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ValidationError } from "../kernel";

/** `case id when $a then 0 when $b then 1 … end`: one statement rewrites every position. */
function positionOf(column: PgColumn, ids: string[]): SQL<number> {
  const arms = ids.map((id, index) => sql`when ${id}::uuid then ${index}::integer`);
  return sql<number>`case ${column} ${sql.join(arms, sql` `)} end`;
}

/** Positions become exactly 0..n-1 in the given order. */
export async function writeModuleOrder(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(modules)
    .set({ position: positionOf(modules.id, ids) })
    .where(inArray(modules.id, ids));
}

/** Puts the lessons, in this order, at positions 0..n-1 of the module (moving them if needed). */
export async function writeLessonOrder(db: Database, moduleId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(lessons)
    .set({ moduleId, position: positionOf(lessons.id, ids) })
    .where(inArray(lessons.id, ids));
}

export async function moduleIdsInOrder(db: Database, courseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: modules.id })
    .from(modules)
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.position), asc(modules.createdAt), asc(modules.id));
  return rows.map((r) => r.id);
}

export async function lessonIdsInOrder(db: Database, moduleId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lessons.id })
    .from(lessons)
    .where(eq(lessons.moduleId, moduleId))
    .orderBy(asc(lessons.position), asc(lessons.createdAt), asc(lessons.id));
  return rows.map((r) => r.id);
}

/** A reorder must name every current item exactly once; anything else would lose or invent rows. */
export function assertSameItems(field: string, current: string[], requested: string[]): void {
  const wanted = new Set(requested);
  const same =
    wanted.size === requested.length &&
    requested.length === current.length &&
    current.every((id) => wanted.has(id));
  if (!same) {
    const message = `${field} must list each of the current items exactly once.`;
    throw new ValidationError(message, { [field]: [message] });
  }
}
