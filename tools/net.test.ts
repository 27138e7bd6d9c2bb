import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { ephemeralLow, freePort } from "./net";

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

function listen(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : -1);
    });
  });
}

describe("freePort", () => {
  it("gives a port the kernel never hands out for port 0 or outgoing connections", async () => {
    const port = await freePort();
    expect(port).toBeLessThan(ephemeralLow());
    // Many port-0 binds meanwhile (other tests starting servers) never land on it…
    const taken = await Promise.all(Array.from({ length: 200 }, () => listen(0)));
    expect(taken).not.toContain(port);
    // …so it is still ours to bind.
    await expect(listen(port)).resolves.toBe(port);
  });
});
