import type { Database } from "../client";
import { certificates } from "../schema";

/**
 * A certificate row as if issued for `enrollment` (with a placeholder credential unless the
 * test signs one): for tests that read certificates rather than issue them.
 */
export async function createCertificate(
  db: Database,
  enrollment: { id: string; userId: string; courseId: string },
  overrides: Partial<typeof certificates.$inferInsert> = {},
) {
  const [certificate] = await db
    .insert(certificates)
    .values({
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      learnerName: "Test Learner",
      courseTitle: "Test course",
      issuedAt: new Date(),
      credential: "header.payload.signature",
      keyId: "test-key",
      ...overrides,
    })
    .returning();
  if (!certificate) throw new Error("certificate insert returned nothing");
  return certificate;
}
