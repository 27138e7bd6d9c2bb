import net from "node:net";

/**
 * The ports among `ports` something already listens on (IPv4 or IPv6 loopback). Checked
 * before starting anything, so "another `pnpm dev` is running" is one clear message rather
 * than four processes failing in four different ways.
 */
export async function busyPorts(ports: readonly number[]): Promise<number[]> {
  const busy = await Promise.all(
    ports.map(async (port) =>
      (await Promise.all([accepts("127.0.0.1", port), accepts("::1", port)])).some(Boolean),
    ),
  );
  return ports.filter((_, i) => busy[i]);
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}
