import { BlockList, isIP } from "node:net";

/**
 * Which peers may tell us the client's address through X-Forwarded-For: nobody (`false`),
 * anybody (`true`, development and benches only) or the listed addresses and CIDRs.
 */
export type TrustProxy = boolean | readonly string[];

/** `"false"`, `"true"` or a comma-separated list of addresses/CIDRs; a message when invalid. */
export function parseTrustProxy(raw: string): { value: TrustProxy } | { error: string } {
  const text = raw.trim().toLowerCase();
  if (["", "false", "0", "no", "off"].includes(text)) return { value: false };
  if (["true", "1", "yes", "on"].includes(text)) return { value: true };
  const entries = raw
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !addRule(new BlockList(), e));
  if (bad.length > 0) {
    return { error: `not an IP address or CIDR: ${bad.map((b) => JSON.stringify(b)).join(", ")}` };
  }
  return { value: entries };
}

/**
 * Resolves the client address from the socket peer and X-Forwarded-For. Forwarded hops count
 * only when the peer is a trusted proxy; then the client is the right-most hop that is not
 * itself trusted (everything left of it could have been written by the client).
 */
export function createClientIpResolver(trust: TrustProxy) {
  const list = new BlockList();
  if (Array.isArray(trust)) for (const entry of trust) addRule(list, entry);
  const trusted = (address: string) =>
    trust === true ||
    (trust !== false && list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4"));

  return (peer: string | undefined, forwardedFor: string | undefined): string | undefined => {
    const socket = peer === undefined ? undefined : normalize(peer);
    if (!socket || trust === false || !trusted(socket) || !forwardedFor) return socket;
    let current = socket;
    const hops = forwardedFor.split(",").map((h) => h.trim());
    for (const hop of hops.reverse()) {
      const address = normalize(stripPort(hop));
      // A malformed hop breaks the chain: stay with the last address a trusted proxy vouched for.
      if (!isIP(address)) return current;
      if (!trusted(address)) return address;
      current = address;
    }
    return current;
  };
}

function addRule(list: BlockList, entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  const type = family === 6 ? "ipv6" : "ipv4";
  if (prefix === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) return false;
  list.addSubnet(address, bits, type);
  return true;
}

/** IPv4 peers of a dual-stack socket arrive as `::ffff:a.b.c.d`. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** Some proxies write `a.b.c.d:port` or `[v6]:port`. */
function stripPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed?.[1]) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4?.[1] ?? hop;
}
