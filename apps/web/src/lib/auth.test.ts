import { describe, expect, it } from "vitest";
import { parseSession } from "./auth";
import { navLinksFor, roleBadge } from "./navigation";

describe("parseSession", () => {
  it("reads the user and its role from better-auth's session body", () => {
    const body = {
      session: { id: "s1" },
      user: { id: "u1", name: "Leo", email: "leo@x.dev", role: "instructor", image: null },
    };
    expect(parseSession(body)).toEqual({
      id: "u1",
      name: "Leo",
      email: "leo@x.dev",
      role: "instructor",
      locale: null,
      timeZone: null,
    });
  });

  it("carries the profile's language and time zone", () => {
    const user = { id: "u", email: "e@x.dev", locale: "ar", timeZone: "Africa/Cairo" };
    expect(parseSession({ user })).toMatchObject({ locale: "ar", timeZone: "Africa/Cairo" });
  });

  it("treats a missing session as signed out", () => {
    expect(parseSession(null)).toBeNull();
    expect(parseSession({})).toBeNull();
    expect(parseSession({ user: { name: "no id" } })).toBeNull();
  });

  it("defaults an unknown role to learner, the least privileged", () => {
    expect(parseSession({ user: { id: "u", email: "e@x.dev", role: "root" } })?.role).toBe(
      "learner",
    );
  });
});

describe("role-aware navigation", () => {
  const user = (role: "learner" | "instructor" | "admin") => ({
    id: "u",
    name: "U",
    email: "u@x.dev",
    role,
  });

  it("signed-out visitors see only the catalog", () => {
    expect(navLinksFor(null).map((l) => l.label.message)).toEqual(["Catalog"]);
  });

  it("learners see My learning and no role badge", () => {
    expect(navLinksFor(user("learner")).map((l) => l.label.message)).toEqual([
      "Catalog",
      "My learning",
    ]);
    expect(roleBadge("learner")).toBeNull();
  });

  it("instructors and admins also get Teach", () => {
    expect(navLinksFor(user("instructor")).map((l) => l.label.message)).toEqual([
      "Catalog",
      "My learning",
      "Teach",
    ]);
    expect(navLinksFor(user("admin")).map((l) => l.to)).toContain("/teach");
  });

  it("staff see their role", () => {
    expect(roleBadge("instructor")?.message).toBe("Instructor");
    expect(roleBadge("admin")?.message).toBe("Admin");
  });
});
