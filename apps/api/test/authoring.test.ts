import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, json, signUpInstructor, type TestApp, trpcData } from "./harness";

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await signUpInstructor(t, "author@test.lumen.dev"));
});
afterAll(() => t.database.close());

const call = (path: string, input: unknown) =>
  t.app.request(`/trpc/authoring.${path}`, json(input, { cookie }));

describe("authoring over HTTP", () => {
  it("a blocked publish is a 400 whose error data lists the problems for the editor", async () => {
    const created = await call("createCourse", {
      title: "Knots",
      category: "Personal Development",
      level: "beginner",
      language: "en",
    });
    const { id } = await trpcData(created, z.object({ id: z.uuid(), slug: z.string() }));
    const res = await call("publish", { courseId: id });
    expect(res.status).toBe(400);
    const body = z
      .object({
        error: z.object({
          message: z.string(),
          data: z.object({
            code: z.literal("BAD_REQUEST"),
            fieldErrors: z.record(z.string(), z.array(z.string())),
            problems: z.array(
              z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
            ),
          }),
        }),
      })
      .parse(await res.json());
    expect(body.error.message).toBe("This course isn't ready to publish: 4 things need fixing.");
    expect(body.error.data.problems.map((p) => p.code)).toEqual([
      "subtitle_missing",
      "description_too_short",
      "no_modules",
      "no_lessons",
    ]);
    expect(Object.keys(body.error.data.fieldErrors)).toEqual([
      "subtitle",
      "description",
      "modules",
      "lessons",
    ]);
  });

  it("other errors carry problems: null", async () => {
    const input = encodeURIComponent(JSON.stringify({ courseId: crypto.randomUUID() }));
    const res = await t.app.request(`/trpc/authoring.getCourse?input=${input}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { data: { code: "NOT_FOUND", problems: null } },
    });
  });
});
