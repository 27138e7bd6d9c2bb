import { revokeApiKey } from "@lumen/core/api-keys";
import { createUser } from "@lumen/core/testing";
import { apiKeys } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, WEB_ORIGIN } from "./harness";
import { createV1World, V1, type V1World } from "./v1-world";

let w: V1World;
beforeAll(async () => {
  w = await createV1World();
});
afterAll(() => w.close());

const unauthorized = {
  type: "/api/v1/problems/unauthorized",
  status: 401,
  title: "Authentication is required.",
};

describe("/api/v1 authentication", () => {
  it("a bearer API key acts as its owner", async () => {
    const user = await createUser(w.db);
    const { token, keyId } = await w.keyFor(user, "read");
    const me = await w.call("GET", "/me", { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: user.id,
      email: user.email,
      auth: { method: "api_key", scope: "read", key_id: keyId },
    });
  });

  it("the SPA's session cookie works, with the write scope, for reads and writes", async () => {
    const cookie = await signUp(w.t, "cookie@v1.test");
    const me = await w.call("GET", "/me", { cookie });
    expect(me.body).toMatchObject({
      email: "cookie@v1.test",
      auth: { method: "session", scope: "write", key_id: null },
    });
    const enrolled = await w.call("POST", "/enrollments", {
      cookie,
      body: { course_id: w.course.id },
    });
    expect(enrolled.status).toBe(201);
  });

  it("a cookie-authenticated write from another origin is refused as a problem", async () => {
    const cookie = await signUp(w.t, "csrf@v1.test");
    const res = await w.call("POST", "/enrollments", {
      cookie,
      headers: { origin: "https://evil.example" },
      body: { course_id: w.course.id },
    });
    expect(res.status).toBe(403);
    expect(res.res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("the web app's origin passes the CORS preflight for /api/v1 as for the rest of the API", async () => {
    const res = await w.t.app.request(`${V1}/enrollments`, {
      method: "OPTIONS",
      headers: {
        origin: WEB_ORIGIN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, idempotency-key",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("no credentials, a malformed, unknown, revoked or expired key: the same 401 with WWW-Authenticate", async () => {
    const user = await createUser(w.db);
    const revoked = await w.keyFor(user);
    await revokeApiKey({ db: w.db, user, input: { keyId: revoked.keyId } });
    const expired = await w.keyFor(user, "write", 1);
    await w.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expired.keyId));
    const unknown = `lmn_${"A".repeat(43)}`;
    for (const token of [undefined, "not-a-key", unknown, revoked.token, expired.token]) {
      const res = await w.call("GET", "/me", { token });
      expect(res.status, String(token)).toBe(401);
      expect(res.res.headers.get("www-authenticate")).toBe('Bearer realm="lumen"');
      expect(res.res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body).toMatchObject(unauthorized);
    }
  });

  it("a bad bearer key is refused even when a valid session cookie comes along", async () => {
    const cookie = await signUp(w.t, "both@v1.test");
    const res = await w.t.app.request(`${V1}/me`, {
      headers: { cookie, authorization: "Bearer lmn_nope" },
    });
    expect(res.status).toBe(401);
  });

  it("a read-scoped key reads but gets 403 insufficient-scope on POST and PUT", async () => {
    const user = await createUser(w.db);
    const { token } = await w.keyFor(user, "read");
    expect((await w.call("GET", "/enrollments", { token })).status).toBe(200);
    const post = await w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } });
    expect(post.status).toBe(403);
    expect(post.body).toMatchObject({ type: "/api/v1/problems/insufficient-scope" });
    const put = await w.call(
      "PUT",
      `/progress/00000000-0000-4000-8000-000000000000/lessons/${w.lessons.text.id}`,
      { token, body: { watched_seconds: 1, completed: true } },
    );
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ type: "/api/v1/problems/insufficient-scope" });
  });

  it("the token never appears in any answer", async () => {
    const user = await createUser(w.db);
    const { token } = await w.keyFor(user);
    const answers = [
      await w.call("GET", "/me", { token }),
      await w.call("POST", "/enrollments", { token, body: { course_id: w.course.id } }),
      await w.call("GET", "/enrollments", { token }),
      {
        res: await w.t.app.request(`${V1}/nope`, { headers: { authorization: `Bearer ${token}` } }),
      },
      await w.call("POST", "/enrollments", { token, body: "{" }),
    ];
    for (const { res } of answers) {
      const headers = [...res.headers.entries()].flat().join("\n");
      expect(`${headers}\n${await res.text()}`).not.toContain(token.slice(4));
    }
  });
});
