import { png } from "@lumen/core/testing";
import { changedParts, worldState } from "@lumen/trpc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTestApp,
  json,
  signUpInstructor,
  type TestApp,
  trpcData,
  WEB_ORIGIN,
} from "./harness";

/**
 * Hostile values as they arrive in URLs (percent-encoded bytes, so also invalid UTF-8 and a
 * CESU-8 lone surrogate) and in header values (which can't hold NUL or line breaks at all).
 */
const IN_URLS: Record<string, string> = {
  nul: "a%00b",
  "lone surrogate": "a%ED%A0%80b",
  "invalid UTF-8": "a%FFb",
  "C0 control (ESC)": "a%1Bb",
  "C1 control (NEL)": "a%C2%85b",
  overlong: "x".repeat(20_000),
};
const IN_HEADERS: Record<string, string> = {
  "C0 control (ESC)": "a\u001bb",
  "C1 control (NEL)": "a\u0085b",
  overlong: "x".repeat(20_000),
};

let t: TestApp;
let cookie: string;
let ids: { courseId: string; slug: string; lessonId: string };

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await signUpInstructor(t, "sweep@test.lumen.dev"));
  const call = (path: string, input: unknown) =>
    t.app.request(`/trpc/${path}`, json(input, { cookie }));
  const course = await trpcData(
    await call("authoring.createCourse", {
      title: "Sweep",
      category: "Design",
      level: "beginner",
      language: "en",
    }),
    z.object({ id: z.string(), slug: z.string() }),
  );
  const mod = await trpcData(
    await call("authoring.addModule", { courseId: course.id, title: "One" }),
    z.object({ moduleId: z.string() }),
  );
  const lesson = await trpcData(
    await call("authoring.addLesson", { moduleId: mod.moduleId, title: "Doc", kind: "pdf" }),
    z.object({ lessonId: z.string() }),
  );
  ids = { courseId: course.id, slug: course.slug, lessonId: lesson.lessonId };
});
afterAll(() => t.database.close());

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

/** Every REST route with one slot (`{}`) for a hostile value; better-auth's are not ours. */
function urlCases(): Array<{
  route: string;
  request: (x: string) => Response | Promise<Response>;
  writes?: boolean;
}> {
  const { courseId, slug, lessonId } = ids;
  const get = (url: string) => t.app.request(url, { headers: { cookie } });
  const put = (url: string, body: Uint8Array) =>
    t.app.request(url, { method: "PUT", headers: { cookie, origin: WEB_ORIGIN }, body });
  const catalogParams = ["query", "category", "level", "language", "minRating", "sort", "page"];
  return [
    ...catalogParams.map((param) => ({
      route: `GET /public/courses?${param}=`,
      request: (x: string) => get(`/public/courses?${param}=${x}`),
    })),
    { route: "GET /public/courses/:slug", request: (x) => get(`/public/courses/${x}`) },
    { route: "GET /public/courses/:slug (valid)", request: () => get(`/public/courses/${slug}`) },
    { route: "GET /media/:key", request: (x) => get(`/media/${x}`) },
    {
      route: "PUT /api/courses/:id/cover",
      request: (x) => put(`/api/courses/${x}/cover`, png(4, 3)),
      writes: true,
    },
    {
      route: "PUT /api/lessons/:id/document",
      request: (x) => put(`/api/lessons/${x}/document`, PDF),
      writes: true,
    },
    {
      route: "PUT /api/lessons/:id/document?filename=",
      request: (x) => put(`/api/lessons/${lessonId}/document?filename=${x}.pdf`, PDF),
      writes: true,
    },
    { route: "GET /api/lessons/:id/document", request: (x) => get(`/api/lessons/${x}/document`) },
    {
      route: "GET /api/lessons/:id/document?download=",
      request: (x) => get(`/api/lessons/${lessonId}/document?download=${x}`),
    },
    { route: "GET /api/certificates/:id/pdf", request: (x) => get(`/api/certificates/${x}/pdf`) },
    { route: "GET /api/attachments/:id", request: (x) => get(`/api/attachments/${x}`) },
    { route: "GET /api/forum-images/:id", request: (x) => get(`/api/forum-images/${x}`) },
    {
      route: "GET /trpc/catalog.list?input=",
      request: (x) => get(`/trpc/catalog.list?input=${encodeURIComponent('{"query":"')}${x}%22%7D`),
    },
    {
      route: "PUT /api/courses/:id/cover (course id valid, body junk)",
      request: (x) => put(`/api/courses/${courseId}/cover`, new TextEncoder().encode(x)),
      writes: true,
    },
  ];
}

describe("hostile values in the API's REST routes", () => {
  it("URL slots, header values and JSON bodies never get a 5xx, and refusals change nothing", async () => {
    const failures: string[] = [];
    let requests = 0;
    const state = () => worldState(t.database.db, t.mediaStore);
    /** Sends one request; a write that was refused must leave every table and object as it was. */
    const record = async (
      what: string,
      response: () => Response | Promise<Response>,
      writes = false,
    ) => {
      requests += 1;
      const before = writes ? await state() : null;
      const res = await response();
      if (res.status >= 500) failures.push(`${what}: ${res.status} ${await res.text()}`);
      const changed = before ? changedParts(before, await state()) : [];
      if (res.status >= 400 && changed.length > 0) {
        failures.push(`${what}: refused with ${res.status} but changed ${changed.join(", ")}`);
      }
      return res.status;
    };
    for (const { route, request, writes } of urlCases()) {
      for (const [name, value] of Object.entries(IN_URLS)) {
        await record(`${route} ${name}`, () => request(value), writes);
      }
    }
    for (const [name, value] of Object.entries(IN_HEADERS)) {
      for (const url of ["/public/courses", `/media/${"0".repeat(64)}`, "/readyz"]) {
        const headers = { "if-none-match": value, cookie: `better-auth.session_token=${value}` };
        await record(`GET ${url} headers ${name}`, () => t.app.request(url, { headers }));
      }
    }
    // JSON escapes reach tRPC as exactly these strings (a lone surrogate included).
    for (const value of ["a\u0000b", "a\ud800b", "a\u001bb", "a\u0085b", "x".repeat(3000)]) {
      const body = { title: value, category: "Design", level: "beginner", language: "en" };
      const what = `POST /trpc/authoring.createCourse ${JSON.stringify(value.slice(0, 4))}`;
      const call = () => t.app.request("/trpc/authoring.createCourse", json(body, { cookie }));
      const status = await record(what, call, true);
      if (status !== 400) failures.push(`${what}: ${status}, expected 400`);
    }
    console.info(`REST hostile-input sweep: ${requests} requests, ${failures.length} failures`);
    expect(failures).toEqual([]);
  });

  it("a document name with a control character is a 400 naming the field, before any upload", async () => {
    const res = await t.app.request(`/api/lessons/${ids.lessonId}/document?filename=a%00b.pdf`, {
      method: "PUT",
      headers: { cookie, origin: WEB_ORIGIN },
      body: PDF,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: {
        code: "BAD_REQUEST",
        fieldErrors: {
          filename: ["File name contains an invisible control character (U+0000). Remove it."],
        },
      },
    });
  });
});
