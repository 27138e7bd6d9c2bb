import { courses, webhookEndpoints } from "@lumen/db";
import { eq } from "drizzle-orm";
import { isCourseInstructor, mayEditCourse } from "../access";
import { ForbiddenError, NotFoundError, type Queryable, type SessionUser } from "../kernel";

export const ENDPOINT_NOT_FOUND = "We couldn't find that webhook endpoint.";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

/**
 * An endpoint the user may see: its owner, and for a course's endpoint also the course's other
 * instructors and admins (they answer for the course's integrations). Anyone else is told it
 * does not exist. `manage` (change, delete, secret, sends) is the owner's alone: the secret
 * and the URL are theirs to give away, not a co-instructor's.
 */
export async function loadEndpoint(
  db: Queryable,
  user: SessionUser,
  endpointId: string,
  { manage = false, lock = false } = {},
): Promise<EndpointRow & { mayManage: boolean }> {
  const query = db
    .select({ endpoint: webhookEndpoints, isInstructor: isCourseInstructor(user.id) })
    .from(webhookEndpoints)
    .leftJoin(courses, eq(courses.id, webhookEndpoints.courseId))
    .where(eq(webhookEndpoints.id, endpointId));
  const [row] = lock ? await query.for("update", { of: webhookEndpoints }) : await query;
  if (!row) throw new NotFoundError(ENDPOINT_NOT_FOUND);
  const isOwner = row.endpoint.userId === user.id;
  const courseEditor =
    row.endpoint.courseId !== null && mayEditCourse(user, row.isInstructor ?? false);
  if (!isOwner && !courseEditor) throw new NotFoundError(ENDPOINT_NOT_FOUND);
  if (manage && !isOwner) {
    throw new ForbiddenError("Only the person who added this endpoint can change it.");
  }
  return { ...row.endpoint, mayManage: isOwner };
}

export function toEndpointView(row: EndpointRow, viewer: SessionUser) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    courseId: row.courseId,
    createdAt: row.createdAt,
    mayManage: row.userId === viewer.id,
  };
}
