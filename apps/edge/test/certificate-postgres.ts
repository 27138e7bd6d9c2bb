import { Client } from "@neondatabase/serverless";
import { inject } from "vitest";
import type { TestCertificate } from "./signed-certificates";

const database = inject("certificateDatabase");

/**
 * Runs SQL on the suite's Postgres (vitest.certificate-db.ts) from inside workerd, through the
 * same driver and WebSocket proxy the Worker's fallback uses.
 */
async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.url });
  const proxy = database.wsProxy;
  client.neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
  client.neonConfig.useSecureWebSocket = false;
  client.neonConfig.pipelineTLS = false;
  client.neonConfig.pipelineConnect = false;
  // Closing the socket after end() surfaces as an "error" event; without a listener it throws.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Inserts `cert` as the API's issue job would: a learner, their enrollment in the suite's
 * course and the certificate row, in one statement.
 */
export async function insertCertificateRow(
  cert: TestCertificate,
  revoked: { at: Date; reason: string } | null = null,
): Promise<void> {
  const learnerId = `learner-${cert.id}`;
  await withClient((client) =>
    client.query(
      `with learner as (
         insert into users (id, name, email) values ($1, $2, $3) returning id
       ), enrollment as (
         insert into enrollments (user_id, course_id) select id, $4 from learner returning id, user_id
       )
       insert into certificates (id, enrollment_id, user_id, course_id, learner_name, course_title,
                                 issued_at, credential, key_id, revoked_at, revoked_reason)
       select $5, id, user_id, $4, $2, $6, $7, $8, $9, $10, $11 from enrollment`,
      [
        learnerId,
        cert.learnerName,
        `${learnerId}@edge.test`,
        database.courseId,
        cert.id,
        cert.courseTitle,
        cert.issuedAt,
        cert.credential,
        "dev-2026-11",
        revoked?.at ?? null,
        revoked?.reason ?? null,
      ],
    ),
  );
}

/** The course the suite's rows belong to; credentials for Postgres rows should name it. */
export const suiteCourseId = database.courseId;

/** Stores a signed status list as the API's publish job does (its row in Postgres). */
export async function insertStatusListRow(list: number, version: number, credential: string) {
  await withClient((client) =>
    client.query(
      `insert into certificate_status_lists (id, version, signed_version, credential)
       values ($1, $2, $2, $3)`,
      [list, version, credential],
    ),
  );
}
