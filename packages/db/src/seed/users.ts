import type { UserRole } from "../schema";

export interface SeedUser {
  id: string;
  name: string;
  email: string;
  password: string;
  role: UserRole;
}

/** Dev-only accounts: the passwords are public (README, `pnpm dev`) and must never reach production. */
export const DEMO_USERS: ReadonlyArray<SeedUser> = [
  {
    id: "seed-admin",
    name: "Ada Admin",
    email: "admin@lumen.dev",
    password: "lumen-admin-dev",
    role: "admin",
  },
  {
    id: "seed-instructor",
    name: "Ines Instructor",
    email: "instructor@lumen.dev",
    password: "lumen-instructor-dev",
    role: "instructor",
  },
  {
    id: "seed-learner",
    name: "Leo Learner",
    email: "learner@lumen.dev",
    password: "lumen-learner-dev",
    role: "learner",
  },
  {
    // Has finished the demo course and holds its certificate (`pnpm dev` builds both).
    id: "seed-graduate",
    name: "Grace Graduate",
    email: "graduate@lumen.dev",
    password: "lumen-graduate-dev",
    role: "learner",
  },
];
