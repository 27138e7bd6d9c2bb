import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { SessionUser } from "../kernel";

/** What every authoring mutation needs: the database, the outbox for catalog jobs, the editor. */
export interface AuthoringDeps {
  db: Database;
  outbox: Outbox;
  user: SessionUser;
}

/** Every mutation reports the course's new updatedAt: the next `expectedUpdatedAt`. */
export interface CourseChange {
  courseId: string;
  updatedAt: string;
}
