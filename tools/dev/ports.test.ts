import net from "node:net";
import { describe, expect, it } from "vitest";
import { busyPorts } from "./ports";

describe("busyPorts", () => {
  it("lists the ports something listens on and only those", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const taken = (server.address() as net.AddressInfo).port;
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const free = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    try {
      expect(await busyPorts([taken, free])).toEqual([taken]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
