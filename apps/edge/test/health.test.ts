import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

// Requests go through the Worker's real default export, inside workerd, with wrangler.toml's bindings.
const edge = exports.default;

describe("GET /healthz", () => {
  it("answers 200 with the configured environment", async () => {
    const res = await edge.fetch("http://edge.test/healthz");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", env: "development" });
  });

  it("answers HEAD with 200 and no body", async () => {
    const res = await edge.fetch("http://edge.test/healthz", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });
});

describe("unknown routes", () => {
  it("answer 404 with a JSON error", async () => {
    const res = await edge.fetch("http://edge.test/no-such-route");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
  });
});
