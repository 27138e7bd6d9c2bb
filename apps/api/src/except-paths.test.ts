import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { exceptPaths, pathMatcher } from "./except-paths";

describe("route patterns a middleware is skipped on", () => {
  const matches = pathMatcher([
    "/api/v1/*",
    "/api/courses/:courseId/cover",
    "/trpc/video.addCaption",
  ]);

  it("matches a wildcard's prefix itself and everything below it, nothing beside it", () => {
    expect(matches("/api/v1")).toBe(true);
    expect(matches("/api/v1/")).toBe(true);
    expect(matches("/api/v1/courses/abc/enrollments")).toBe(true);
    expect(matches("/api/v10/courses")).toBe(false);
    expect(matches("/api/v")).toBe(false);
  });

  it("matches a parameter as exactly one segment", () => {
    expect(matches("/api/courses/123/cover")).toBe(true);
    expect(matches("/api/courses//cover")).toBe(false);
    expect(matches("/api/courses/1/2/cover")).toBe(false);
    expect(matches("/api/courses/123/cover/extra")).toBe(false);
  });

  it("takes dots and other characters in a pattern literally", () => {
    expect(matches("/trpc/video.addCaption")).toBe(true);
    expect(matches("/trpc/videoXaddCaption")).toBe(false);
    expect(matches("/trpc/video.addCaption,video.other")).toBe(false);
  });

  it("refuses a pattern that is not a path", () => {
    expect(() => pathMatcher(["api/*"])).toThrow(/must start with/);
  });
});

describe("exceptPaths", () => {
  it("runs the middleware on other paths and skips it on matching ones", async () => {
    const app = new Hono();
    app.use(
      exceptPaths(["/open/*"], async (c, next) => {
        if (c.req.header("x-key") !== "yes") return c.text("refused", 403);
        await next();
      }),
    );
    app.get("*", (c) => c.text("ok"));
    expect((await app.request("/closed")).status).toBe(403);
    expect((await app.request("/closed", { headers: { "x-key": "yes" } })).status).toBe(200);
    expect((await app.request("/open/anything")).status).toBe(200);
  });
});
