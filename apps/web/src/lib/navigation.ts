import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { Role, SessionUser } from "./auth";

export interface NavLinkSpec {
  to: string;
  /** Translated where it is shown (`i18n._`), so a language switch re-renders it. */
  label: MessageDescriptor;
}

/**
 * Header links by role. Every signed-in account can enroll, so all see "My learning";
 * instructors and admins also build courses under "Teach".
 */
export function navLinksFor(user: SessionUser | null): NavLinkSpec[] {
  const links: NavLinkSpec[] = [{ to: "/", label: msg`Catalog` }];
  if (user) links.push({ to: "/my-learning", label: msg`My learning` });
  if (user && canTeach(user.role)) links.push({ to: "/teach", label: msg`Teach` });
  return links;
}

export function canTeach(role: Role): boolean {
  return role === "instructor" || role === "admin";
}

const ROLE_LABELS: Record<Role, MessageDescriptor | null> = {
  learner: null,
  instructor: msg`Instructor`,
  admin: msg`Admin`,
};

/** A badge for staff roles; learners, the default, get none. */
export function roleBadge(role: Role): MessageDescriptor | null {
  return ROLE_LABELS[role];
}
