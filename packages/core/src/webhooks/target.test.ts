import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookSender } from "./sender";
import {
  forbiddenAddressKind,
  type HostResolver,
  type ResolvedAddress,
  resolveWebhookTarget,
  WebhookTargetRefused,
} from "./target";

/** A stub resolver: answers from the table and counts lookups; nothing reaches real DNS. */
function stubResolver(table: Record<string, ResolvedAddress[]>) {
  const asked: string[] = [];
  const resolve: HostResolver = async (hostname) => {
    asked.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return answer;
  };
  return { resolve, asked };
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

/** A loopback listener that counts every TCP connection made to it. */
let listener: Server;
let port: number;
let connections = 0;
beforeAll(async () => {
  listener = createServer((_req, res) => res.end("ok"));
  listener.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

const payload = { headers: { "content-type": "application/json" }, body: "{}" };

describe("webhook SSRF guard (override off)", () => {
  const { resolve, asked } = stubResolver({
    localhost: [v4("127.0.0.1"), v6("::1")],
    "internal.example.com": [v4("10.1.2.3")],
    "half.example.com": [v4("93.184.215.14"), v4("192.168.1.20")],
    "mapped.example.com": [v6("::ffff:169.254.169.254")],
    "hooks.example.com": [v4("93.184.215.14"), v6("2606:2800:21f:cb07:6820:80da:af6b:8b2c")],
  });
  const sender = createWebhookSender({ allowPrivateTargets: false, resolve });

  it.each([
    ["localhost (stub resolver: 127.0.0.1, ::1)", "http://localhost:PORT/hook"],
    ["127.0.0.1", "http://127.0.0.1:PORT/hook"],
    ["a 10.x address", "http://10.0.0.5/hook"],
    ["the cloud metadata address 169.254.169.254", "http://169.254.169.254/latest/meta-data"],
    ["[::1]", "http://[::1]:PORT/hook"],
    ["::ffff:127.0.0.1 (IPv4-mapped loopback)", "http://[::ffff:127.0.0.1]:PORT/hook"],
    ["a CGNAT address", "https://100.64.0.1/hook"],
    ["a unique-local IPv6 address", "https://[fd12:3456::1]/hook"],
    ["a multicast address", "http://224.0.0.1/hook"],
    ["the unspecified address", "http://0.0.0.0:PORT/hook"],
    ["a host whose stub resolver answers 10.1.2.3", "https://internal.example.com/hook"],
    [
      "a host whose stub resolver answers one private address among public ones",
      "https://half.example.com/hook",
    ],
    [
      "a host whose stub resolver answers a mapped link-local address",
      "https://mapped.example.com/hook",
    ],
  ])("refuses %s without connecting", async (_name, template) => {
    const url = template.replace("PORT", String(port));
    const before = connections;
    const error = await sender({ url, ...payload }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookTargetRefused);
    expect(String((error as Error).message)).toMatch(/^refused: /);
    expect(connections).toBe(before);
  });

  it("public addresses pass the check (stub resolver; the check connects to nothing)", async () => {
    const before = connections;
    expect(
      await resolveWebhookTarget(new URL("https://hooks.example.com/h"), {
        allowPrivate: false,
        resolve,
      }),
    ).toEqual(v4("93.184.215.14"));
    expect(
      await resolveWebhookTarget(new URL("https://8.8.8.8/h"), { allowPrivate: false, resolve }),
    ).toEqual(v4("8.8.8.8"));
    expect(
      await resolveWebhookTarget(new URL("https://[2606:4700:4700::1111]/h"), {
        allowPrivate: false,
        resolve,
      }),
    ).toEqual(v6("2606:4700:4700::1111"));
    expect(connections).toBe(before);
    // IP literals are checked as they are, never looked up.
    expect(asked).not.toContain("8.8.8.8");
  });

  it("a name the stub resolver does not know is refused as unresolvable", async () => {
    await expect(
      resolveWebhookTarget(new URL("https://nowhere.example/h"), { allowPrivate: false, resolve }),
    ).rejects.toThrow(/could not resolve nowhere\.example \(ENOTFOUND\)/);
  });

  it("classifies addresses by kind", () => {
    expect(forbiddenAddressKind("127.0.0.1")).toBe("loopback");
    expect(forbiddenAddressKind("::ffff:7f00:1")).toBe("loopback");
    expect(forbiddenAddressKind("172.31.255.255")).toBe("private");
    expect(forbiddenAddressKind("172.32.0.1")).toBeNull();
    expect(forbiddenAddressKind("fe80::1")).toBe("link-local");
    expect(forbiddenAddressKind("ff02::1")).toBe("multicast");
    expect(forbiddenAddressKind("::")).toBe("unspecified");
    expect(forbiddenAddressKind("1.1.1.1")).toBeNull();
    expect(forbiddenAddressKind("64:ff9b::a9fe:a9fe")).toBe("link-local (through NAT64)");
    expect(forbiddenAddressKind("64:ff9b::10.0.0.1")).toBe("private (through NAT64)");
    expect(forbiddenAddressKind("64:ff9b::808:808")).toBeNull();
  });
});

describe("webhook sender (override on: loopback receivers)", () => {
  it("connects to the address it checked, not to a second resolution (stub resolver rebinds)", async () => {
    let calls = 0;
    const rebinding: HostResolver = async () => {
      calls += 1;
      return calls === 1 ? [v4("127.0.0.1")] : [v4("10.9.9.9")];
    };
    const send = createWebhookSender({ allowPrivateTargets: true, resolve: rebinding });
    const before = connections;
    const response = await send({ url: `http://rebind.test:${port}/hook`, ...payload });
    expect(response).toEqual({ statusCode: 200, excerpt: "ok" });
    expect(calls).toBe(1);
    expect(connections).toBe(before + 1);
  });

  it("does not follow redirects, keeps 1 KiB of the answer, and gives up after the timeout", async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? "");
      if (req.url === "/redirect") {
        res.writeHead(302, { location: "/elsewhere" }).end();
      } else if (req.url === "/big") {
        res.end("x".repeat(5000));
      }
      // "/hang" never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const send = createWebhookSender({ allowPrivateTargets: true, timeoutMs: 300 });
      expect((await send({ url: `${base}/redirect`, ...payload })).statusCode).toBe(302);
      const big = await send({ url: `${base}/big`, ...payload });
      expect(big.excerpt).toHaveLength(1024);
      await expect(send({ url: `${base}/hang`, ...payload })).rejects.toThrow(
        "timed out after 0.3 s",
      );
      expect(hits).toEqual(["/redirect", "/big", "/hang"]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
