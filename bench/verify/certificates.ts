// Relative imports: @lumen/bench cannot list @lumen/credentials without a lockfile change.

import { createCertificate, createCourse, createEnrollment, createUser } from "@lumen/core/testing";
import {
  buildCredential,
  encodeStatusList,
  importSigningKeys,
  signCredential,
  signStatusList,
} from "@lumen/credentials";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_NAME,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { certificateStatusLists, type Database } from "@lumen/db";

export interface BenchCertificate {
  id: string;
  credential: string;
}

/**
 * `count` issued certificates, each with its learner and enrollment, signed with the development
 * key the edge trusts (.dev.vars), written to Postgres as the API's issue job would.
 */
export async function insertCertificates(
  db: Database,
  count: number,
  edgeUrl: string,
): Promise<BenchCertificate[]> {
  const { current: key } = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
  const instructor = await createUser(db, "learner", {
    id: "bench-verify-instructor",
    name: "Bench",
    email: "bench@verify.test",
  });
  const course = await createCourse(db, instructor, {
    slug: "bench-verify",
    title: "Benchmarking Verifiable Credentials",
    status: "draft",
    publishedAt: null,
  });

  const issuedAt = new Date();
  const out: BenchCertificate[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const learnerId = `bench-learner-${i}`;
    const learnerName = `Learner ${i}`;
    const credential = await signCredential(
      buildCredential({
        certificateId: id,
        issuer: { id: DEV_ISSUER_ID, name: DEV_ISSUER_NAME, url: "https://lumen.localhost" },
        learnerName,
        course: { id: course.id, title: course.title },
        issuedAt,
        // As issued since issue 9: verification also reads the revocation status list.
        statusListIndex: i,
        verifyUrl: `${edgeUrl}/certificates/${id}`,
      }),
      key,
    );
    await db.transaction(async (tx) => {
      const learner = await createUser(tx, "learner", {
        id: learnerId,
        name: learnerName,
        email: `${learnerId}@b.test`,
      });
      const enrollment = await createEnrollment(tx, learner, course.id);
      await createCertificate(tx, enrollment, {
        id,
        learnerName,
        courseTitle: course.title,
        issuedAt,
        credential,
        keyId: key.kid,
        statusListIndex: i,
      });
    });
    out.push({ id, credential });
  }
  return out;
}

/** The repo-root .dev.vars EDGE_INTERNAL_SECRET, which `wrangler dev` reads. */
const INTERNAL_AUTHORIZATION = "Bearer lumen-dev-only-internal-secret-not-for-production";

/** PUT /internal/certificates/:id, as the API's publish job does. */
export async function publishToEdge(edgeUrl: string, cert: BenchCertificate): Promise<void> {
  const res = await fetch(`${edgeUrl}/internal/certificates/${cert.id}`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      authorization: INTERNAL_AUTHORIZATION,
    },
    body: JSON.stringify({ ...cert, revokedAt: null, revokedReason: null }),
  });
  const body = await res.text();
  if (!res.ok || !body.includes('"valid"')) {
    throw new Error(`publishing ${cert.id} answered ${res.status}: ${body}`);
  }
}

/**
 * Status list 1 (nothing revoked), signed as the publish job signs it, stored in Postgres and
 * published to the edge's KV, as the job runner leaves it after the first issue.
 */
export async function publishStatusListToEdge(db: Database, edgeUrl: string): Promise<void> {
  const { current: key } = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
  const list = { issuerId: DEV_ISSUER_ID, list: 1, builtAt: new Date() };
  const credential = await signStatusList(
    { ...list, encodedList: await encodeStatusList([]) },
    key,
  );
  await db
    .insert(certificateStatusLists)
    .values({ id: 1, version: 1, signedVersion: 1, publishedVersion: 1, credential });
  const res = await fetch(`${edgeUrl}/internal/status-lists/1`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      authorization: INTERNAL_AUTHORIZATION,
    },
    body: JSON.stringify({ list: 1, version: 1, credential }),
  });
  if (!res.ok)
    throw new Error(`publishing status list 1 answered ${res.status}: ${await res.text()}`);
}
