import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimit } from "./body-limit";

const MAX = 100;
let port = 0;
let close: () => Promise<void>;
/** Whether the route's request had become a full web Request when its body was read. */
const native: boolean[] = [];

beforeAll(async () => {
  const app = new Hono();
  app.use(bodyLimit({ maxSize: MAX, onError: (c) => c.text("too large", 413) }));
  app.post("/echo", async (c) => {
    const body = await c.req.text();
    native.push(!inspect(c.req.raw).includes("nativeRequest: undefined"));
    return c.text(`got ${body.length}`);
  });
  app.get("/echo", (c) => c.text("get"));
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

/** A real HTTP request: with Content-Length, or chunked when `chunks` is given. */
function send(o: { method?: string; body?: string; chunks?: string[] }) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string> =
      o.body !== undefined ? { "content-length": String(Buffer.byteLength(o.body)) } : {};
    const req = httpRequest(
      { host: "127.0.0.1", port, path: "/echo", method: o.method ?? "POST", headers },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => {
          text += d.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    for (const chunk of o.chunks ?? []) req.write(chunk);
    req.end(o.body);
  });
}

describe("the API's body limit over real HTTP", () => {
  it("passes a declared length within the limit, and the route reads it without a web Request", async () => {
    native.length = 0;
    expect(await send({ body: "x".repeat(MAX) })).toEqual({ status: 200, text: `got ${MAX}` });
    expect(native).toEqual([false]);
  });

  it("refuses a declared length over the limit with the caller's answer, the route untouched", async () => {
    native.length = 0;
    expect(await send({ body: "x".repeat(MAX + 1) })).toEqual({ status: 413, text: "too large" });
    expect(native).toEqual([]);
  });

  it("counts a chunked body: within the limit passes, over it is refused", async () => {
    expect(await send({ chunks: ["x".repeat(60), "x".repeat(40)] })).toEqual({
      status: 200,
      text: "got 100",
    });
    expect(await send({ chunks: ["x".repeat(60), "x".repeat(41)] })).toEqual({
      status: 413,
      text: "too large",
    });
  });

  it("lets a GET through", async () => {
    expect(await send({ method: "GET" })).toEqual({ status: 200, text: "get" });
  });
});

describe("the API's body limit in-process (app.request: no Content-Length header)", () => {
  const app = new Hono();
  app.use(bodyLimit({ maxSize: MAX, onError: (c) => c.text("too large", 413) }));
  app.post("/echo", async (c) => c.text(`got ${(await c.req.text()).length}`));

  it("counts the body itself", async () => {
    const post = (body: string) => app.request("/echo", { method: "POST", body });
    expect((await post("x".repeat(MAX))).status).toBe(200);
    expect((await post("x".repeat(MAX + 1))).status).toBe(413);
  });
});
