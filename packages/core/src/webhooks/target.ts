import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (dns.lookup with all: true by default). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Where webhooks must never go: our own network and the cloud's. BlockList checks an
 * IPv4-mapped IPv6 address (::ffff:10.0.0.1, also written ::ffff:a00:1) against the IPv4
 * rules, so those need no rules of their own.
 */
const FORBIDDEN: ReadonlyArray<[string, number, "ipv4" | "ipv6", string]> = [
  ["0.0.0.0", 8, "ipv4", "unspecified"],
  ["10.0.0.0", 8, "ipv4", "private"],
  ["100.64.0.0", 10, "ipv4", "shared (CGNAT)"],
  ["127.0.0.0", 8, "ipv4", "loopback"],
  ["169.254.0.0", 16, "ipv4", "link-local"],
  ["172.16.0.0", 12, "ipv4", "private"],
  ["192.0.0.0", 24, "ipv4", "reserved"],
  ["192.168.0.0", 16, "ipv4", "private"],
  ["198.18.0.0", 15, "ipv4", "reserved"],
  ["224.0.0.0", 4, "ipv4", "multicast"],
  ["240.0.0.0", 4, "ipv4", "reserved"],
  ["::", 128, "ipv6", "unspecified"],
  ["::1", 128, "ipv6", "loopback"],
  // The deprecated IPv4-compatible form (::a.b.c.d) has no public use.
  ["::", 96, "ipv6", "reserved"],
  ["fe80::", 10, "ipv6", "link-local"],
  ["fec0::", 10, "ipv6", "site-local"],
  ["fc00::", 7, "ipv6", "unique-local"],
  ["ff00::", 8, "ipv6", "multicast"],
];

const lists = FORBIDDEN.map(([network, prefix, type, kind]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, kind };
});

const nat64 = new BlockList();
nat64.addSubnet("64:ff9b::", 96, "ipv6");

/** Why an address is not a public one (loopback, private, …), or null when it is public. */
export function forbiddenAddressKind(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return "malformed";
  const type = family === 6 ? "ipv6" : "ipv4";
  const kind = lists.find(({ list }) => list.check(address, type))?.kind ?? null;
  if (kind || type === "ipv4" || !nat64.check(address, "ipv6")) return kind;
  // A NAT64 gateway (64:ff9b::/96) would carry the request on to the IPv4 address embedded
  // in the last 32 bits: that one must be public too.
  const embedded = embeddedIpv4(address);
  const inner = embedded ? forbiddenAddressKind(embedded) : "malformed";
  return inner ? `${inner} (through NAT64)` : null;
}

/** The IPv4 address in the last 32 bits of an IPv6 address (written either way). */
function embeddedIpv4(address: string): string | null {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted?.[1]) return dotted[1];
  const groups = address.split(":");
  const low = Number.parseInt(groups.at(-1) ?? "", 16);
  const high = Number.parseInt(groups.at(-2) ?? "", 16);
  if (Number.isNaN(low) || Number.isNaN(high)) return null;
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** A webhook target that may not be contacted; the message goes to the delivery log. */
export class WebhookTargetRefused extends Error {}

/**
 * Decides where a delivery may connect, BEFORE any packet is sent: an IP literal is checked
 * as is, a host name is resolved (every address) and refused if any answer is not public —
 * one private answer is enough for a resolver to steer some connections inward. The caller
 * connects to the returned address only, so a second resolution (DNS rebinding) cannot
 * swap it. `allowPrivate` (development, tests) skips the address rules, not the resolution.
 */
export async function resolveWebhookTarget(
  url: URL,
  { allowPrivate, resolve = systemResolver }: { allowPrivate: boolean; resolve?: HostResolver },
): Promise<ResolvedAddress> {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new WebhookTargetRefused(`refused: ${url.protocol} URLs are not sent to`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host);
  let answers: ResolvedAddress[];
  if (literal) answers = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      answers = await resolve(host);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new WebhookTargetRefused(
        `could not resolve ${host}${typeof code === "string" ? ` (${code})` : ""}`,
      );
    }
  }
  const first = answers[0];
  if (!first) throw new WebhookTargetRefused(`could not resolve ${host} (no addresses)`);
  if (!allowPrivate) {
    for (const { address } of answers) {
      const kind = forbiddenAddressKind(address);
      if (kind) {
        throw new WebhookTargetRefused(
          `refused: ${host} resolves to ${address}, a ${kind} address; webhooks only go to public addresses`,
        );
      }
    }
  }
  return first;
}
