import { createEnrollment, createUser } from "@lumen/core/testing";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MyEnrollmentsPage } from "../src/v1/schemas/enrollments";
import { createTestApp } from "./harness";
import { createV1World, V1, type V1World } from "./v1-world";

let w: V1World;
beforeAll(async () => {
  w = await createV1World({ MAX_BODY_BYTES: "4096" });
});
afterAll(() => w.close());

const NIL = "00000000-0000-4000-8000-000000000000";

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info, tags, servers, security and the edge's verify path on the edge", () => {
    expect(w.doc.openapi).toBe("3.1.0");
    expect(w.doc.servers).toEqual([{ url: "/api/v1", description: "This API." }]);
    const verify = w.doc.paths["/certificates/{certificate_id}/verify"] as { servers?: unknown };
    expect(verify.servers).toEqual([
      { url: w.t.env.EDGE_PUBLIC_URL, description: "The edge (public, cached)." },
    ]);
    expect(Object.keys(w.doc.components.securitySchemes as object)).toEqual(["bearer", "cookie"]);
  });

  it("lints clean with Redocly's recommended rules", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(w.doc),
      absoluteRef: "openapi.json",
      config,
    });
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`,
    );
    expect(found).toEqual([]);
  });
});

describe("every endpoint, success and errors, validated against the document", () => {
  it("drives each operation through its answers", async () => {
    const user = await createUser(w.db);
    const { token } = await w.keyFor(user);
    const { token: readOnly } = await w.keyFor(user, "read");
    const { token: teacher } = await w.keyFor(w.instructor, "read");
    const expectStatus = async (p: Promise<{ status: number }>, status: number) =>
      expect((await p).status).toBe(status);

    await expectStatus(w.call("GET", "/me", { token }), 200);
    await expectStatus(w.call("GET", "/me"), 401);

    await expectStatus(w.call("GET", "/courses?category=&level=beginner", { token }), 200);
    await expectStatus(w.call("GET", "/courses?level=expert&page=0", { token }), 422);
    await expectStatus(w.call("GET", "/courses"), 401);

    await expectStatus(
      w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } }),
      201,
    );
    await expectStatus(
      w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } }),
      200,
    );
    await expectStatus(w.call("POST", "/enrollments", { token, body: { course_id: NIL } }), 404);
    await expectStatus(w.call("POST", "/enrollments", { token, body: { course_id: "x" } }), 422);
    await expectStatus(w.call("POST", "/enrollments", { token, body: "{not json" }), 400);
    await expectStatus(
      w.call("POST", "/enrollments", {
        token,
        body: { course_id: w.course.id, pad: "x".repeat(5000) },
      }),
      413,
    );
    await expectStatus(
      w.call("POST", "/enrollments", {
        token,
        body: "course_id=1",
        headers: { "content-type": "text/plain" },
      }),
      415,
    );
    await expectStatus(
      w.call("POST", "/enrollments", { token: readOnly, body: { course_id: w.course.id } }),
      403,
    );
    await expectStatus(w.call("GET", "/enrollments", { token }), 200);
    await expectStatus(w.call("GET", "/enrollments?page_size=1000", { token }), 422);

    const mine = MyEnrollmentsPage.parse((await w.call("GET", "/enrollments", { token })).body);
    const [enrollment] = mine.items;
    const progressPath = `/progress/${enrollment?.enrollment_id}/lessons/${w.lessons.text.id}`;
    await expectStatus(
      w.call("PUT", progressPath, { token, body: { watched_seconds: 3, completed: true } }),
      200,
    );
    await expectStatus(
      w.call("PUT", `/progress/${NIL}/lessons/${w.lessons.text.id}`, {
        token,
        body: { watched_seconds: 3, completed: true },
      }),
      404,
    );
    await expectStatus(w.call("PUT", progressPath, { token, body: { completed: true } }), 422);

    await expectStatus(w.call("GET", `/courses/${w.course.id}/progress`, { token }), 200);
    await expectStatus(w.call("GET", `/courses/${NIL}/progress`, { token }), 404);
    await expectStatus(w.call("GET", "/courses/nope/progress", { token }), 422);

    await expectStatus(w.call("GET", `/courses/${w.course.id}/learners`, { token: teacher }), 200);
    await expectStatus(w.call("GET", `/courses/${w.course.id}/learners`, { token }), 403);

    await expectStatus(
      w.call("POST", `/assessments/${w.lessons.quiz.id}/submit`, { token, body: { answers: [] } }),
      200,
    );
    const queued = await w.call("POST", `/assessments/${w.lessons.exercise.id}/submit`, {
      token,
      body: { code: "print(1)\n", language: "python" },
    });
    expect(queued.status).toBe(202);
    await expectStatus(
      w.call("POST", `/assessments/${NIL}/submit`, { token, body: { answers: [] } }),
      404,
    );
    await expectStatus(
      w.call("POST", `/assessments/${w.lessons.video.id}/submit`, { token, body: { answers: [] } }),
      422,
    );
    const stranger = await createUser(w.db);
    const { token: strangerKey } = await w.keyFor(stranger);
    await expectStatus(
      w.call("POST", `/assessments/${w.lessons.quiz.id}/submit`, {
        token: strangerKey,
        body: { answers: [] },
      }),
      403,
    );

    const { job_id } = queued.body as { job_id: string };
    await expectStatus(w.call("GET", `/jobs/${job_id}`, { token }), 200);
    await expectStatus(w.call("GET", `/jobs/${job_id}`, { token: strangerKey }), 404);

    await createEnrollment(w.db, stranger, w.course.id);
    await expectStatus(w.call("GET", "/certificates", { token }), 200);
    await expectStatus(w.call("GET", "/certificates"), 401);

    const api = w.contract.operations.filter((o) => o.id !== "verifyCertificate");
    const covered = w.contract.covered();
    for (const op of api) {
      const statuses = [...(covered.get(op.id) ?? [])];
      expect(
        statuses.some((s) => s < 300),
        `${op.id} has a success`,
      ).toBe(true);
      expect(
        statuses.some((s) => s >= 400),
        `${op.id} has an error`,
      ).toBe(true);
    }
  });
});

describe("problem details", () => {
  it("an unknown route under /api/v1 is a 404 problem", async () => {
    const user = await createUser(w.db);
    const { token } = await w.keyFor(user);
    const res = await w.t.app.request(`${V1}/nowhere`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ type: "/api/v1/problems/not-found", status: 404 });
  });

  it("every type URI resolves to a page describing it", async () => {
    const res = await w.t.app.request(`${V1}/problems/insufficient-scope`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("write");
    const unknown = await w.t.app.request(`${V1}/problems/nope`);
    expect(unknown.status).toBe(404);
  });

  it("an unexpected failure is a 500 with the request id only; the cause goes to the log", async () => {
    const t = await createTestApp();
    await t.database.close();
    const res = await t.app.request(`${V1}/me`, {
      headers: { authorization: `Bearer lmn_${"b".repeat(43)}` },
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: "/api/v1/problems/internal", status: 500 });
    expect(body.request_id).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/select|api_keys|\bat \w+ \(|stack/i);
    expect(t.logs).toContainEqual(
      expect.objectContaining({ level: "error", msg: "unhandled error" }),
    );
  });
});

describe("the reference page", () => {
  it("serves Scalar from this origin under a page policy that lets only its own scripts run", async () => {
    const res = await w.t.app.request(`${V1}/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const policy = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`src="/api/v1/docs/scalar.js"`);
    expect(html).not.toMatch(/cdn\.jsdelivr|https?:\/\//);
    // Every inline script carries the nonce.
    for (const tag of html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []) {
      expect(tag).toContain(`nonce="${nonce}"`);
    }
    const bundle = await w.t.app.request(`${V1}/docs/scalar.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
