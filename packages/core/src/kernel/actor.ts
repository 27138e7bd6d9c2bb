import type { UserRole } from "@lumen/db";

/**
 * Who is acting: the signed-in user as the domain sees them. tRPC's context, the REST routes
 * and the jobs all hand the domain this shape; it says nothing about sessions or transports.
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}
