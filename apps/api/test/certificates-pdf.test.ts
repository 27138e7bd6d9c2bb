import { certificates, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedEnrollment, issueFor } from "./certificate-issue";
import {
  cookieHeader,
  createTestApp,
  json,
  signUp,
  signUpInstructor,
  type TestApp,
} from "./harness";

// The PDF download over HTTP; the PDF lives in the in-memory media store instead of R2.
let t: TestApp;
const cookies: Record<
  "learner" | "otherLearner" | "instructor" | "otherInstructor" | "admin",
  string
> = {
  learner: "",
  otherLearner: "",
  instructor: "",
  otherInstructor: "",
  admin: "",
};
let learnerId = "";
let instructorId = "";

async function userId(email: string) {
  const [user] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email));
  return user?.id ?? "";
}

beforeAll(async () => {
  t = await createTestApp();
  cookies.learner = await signUp(t, "ada@pdf.test");
  cookies.otherLearner = await signUp(t, "grace@pdf.test");
  const instructor = await signUpInstructor(t, "teacher@pdf.test");
  cookies.instructor = instructor.cookie;
  instructorId = instructor.id;
  cookies.otherInstructor = (await signUpInstructor(t, "other-teacher@pdf.test")).cookie;
  // An admin: promoted, then signed in again so the session's cached role says so.
  await signUp(t, "root@pdf.test");
  await t.database.db.update(users).set({ role: "admin" }).where(eq(users.email, "root@pdf.test"));
  const res = await t.app.request(
    "/api/auth/sign-in/email",
    json({ email: "root@pdf.test", password: "correct-horse-battery" }),
  );
  cookies.admin = cookieHeader(res);
  learnerId = await userId("ada@pdf.test");
});
afterAll(() => t.database.close());

async function issued() {
  const { course, enrollmentId } = await finishedEnrollment(t.database.db, {
    instructorId,
    learnerId,
  });
  const id = await issueFor(
    { db: t.database.db, outbox: t.outbox, media: t.media, env: t.env },
    enrollmentId,
  );
  return { id, course };
}

const download = (id: string, cookie?: string) =>
  t.app.request(`/api/certificates/${id}/pdf`, cookie ? { headers: { cookie } } : {});

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

describe("GET /api/certificates/:id/pdf", () => {
  it("gives the learner their PDF as a private attachment named after the course", async () => {
    const { id, course } = await issued();

    const res = await download(id, cookies.learner);

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="lumen-certificate-${course.slug}.pdf"`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toMatch(/^private\b/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
  });

  it("gives it to the course's instructor and to an admin too", async () => {
    const { id } = await issued();

    for (const who of ["instructor", "admin"] as const) {
      const res = await download(id, cookies[who]);
      expect(res.status, who).toBe(200);
      expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(0, 5))).toBe(
        "%PDF-",
      );
    }
  });

  it("answers another learner and another instructor exactly as for an unknown id (404)", async () => {
    const { id } = await issued();
    const unknown = await errorOf(
      await download("5d1c0a3e-8f2b-4c6d-9e7f-1a2b3c4d5e6f", cookies.learner),
    );

    expect(unknown).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await errorOf(await download(id, cookies.otherLearner))).toEqual(unknown);
    expect(await errorOf(await download(id, cookies.otherInstructor))).toEqual(unknown);
    expect(await errorOf(await download("not-a-uuid", cookies.learner))).toEqual(unknown);
  });

  it("asks an anonymous caller to sign in (401)", async () => {
    const { id } = await issued();

    expect(await errorOf(await download(id))).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
  });

  it("says the PDF is still being prepared (409) before the runner has rendered it", async () => {
    const { id } = await issued();
    await t.database.db.update(certificates).set({ pdfPath: null }).where(eq(certificates.id, id));

    const error = await errorOf(await download(id, cookies.learner));

    expect(error).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(error.message).toMatch(/still being prepared/);
  });
});
