import type { Role, SessionUser } from "./auth";

export interface NavLinkSpec {
  to: string;
  label: string;
}

/**
 * Header links by role. Every signed-in account can enroll, so all see "My learning";
 * instructors and admins also build courses under "Teach".
 */
export function navLinksFor(user: SessionUser | null): NavLinkSpec[] {
  const links: NavLinkSpec[] = [{ to: "/", label: "Catalog" }];
  if (user) links.push({ to: "/my-learning", label: "My learning" });
  if (user && canTeach(user.role)) links.push({ to: "/teach", label: "Teach" });
  return links;
}

export function canTeach(role: Role): boolean {
  return role === "instructor" || role === "admin";
}

const ROLE_LABELS: Record<Role, string | null> = {
  learner: null,
  instructor: "Instructor",
  admin: "Admin",
};

/** A badge for staff roles; learners, the default, get none. */
export function roleBadge(role: Role): string | null {
  return ROLE_LABELS[role];
}
