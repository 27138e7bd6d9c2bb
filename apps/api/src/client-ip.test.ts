import { describe, expect, it } from "vitest";
import { createClientIpResolver, parseTrustProxy } from "./client-ip";
import { EnvError, parseApiEnv } from "./env";

const trusting = (raw: string) => {
  const parsed = parseTrustProxy(raw);
  if (!("value" in parsed)) throw new Error(parsed.error);
  return createClientIpResolver(parsed.value);
};

describe("the client address behind trusted proxies", () => {
  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(trusting("false")("203.0.113.5", "1.2.3.4")).toBe("203.0.113.5");
  });

  it("takes the right-most hop that is not a trusted proxy", () => {
    const resolve = trusting("10.0.0.0/8, 192.168.1.7");
    // The client wrote "6.6.6.6" itself; our two proxies appended what they saw.
    expect(resolve("10.1.2.3", "6.6.6.6, 198.51.100.9, 192.168.1.7")).toBe("198.51.100.9");
    expect(resolve("::ffff:10.1.2.3", "198.51.100.9:5123")).toBe("198.51.100.9");
  });

  it("believes X-Forwarded-For only from a trusted peer", () => {
    const resolve = trusting("10.0.0.0/8");
    expect(resolve("203.0.113.5", "1.2.3.4")).toBe("203.0.113.5");
  });

  it("stays with the last trusted address when a hop is malformed", () => {
    expect(trusting("10.0.0.0/8")("10.0.0.1", "198.51.100.9, garbage")).toBe("10.0.0.1");
  });

  it("with TRUST_PROXY=true takes the left-most hop (development and benches)", () => {
    expect(trusting("true")("127.0.0.1", "198.51.100.9, 10.0.0.1")).toBe("198.51.100.9");
  });

  it("refuses entries that are not addresses or CIDRs, naming them", () => {
    expect(parseTrustProxy("10.0.0.0/8, lb.internal, 10.0.0.0/99")).toEqual({
      error: 'not an IP address or CIDR: "lb.internal", "10.0.0.0/99"',
    });
  });
});

describe("TRUST_PROXY in the environment", () => {
  const production = {
    LUMEN_ENV: "production",
    DATABASE_URL: "postgres://lumen@db.internal/lumen",
    AUTH_SECRET: "a-production-auth-secret-of-enough-length",
    EDGE_INTERNAL_SECRET: "a-production-internal-secret-of-enough-length",
    MEDIA_SIGNING_KEYS: "k1:a-production-media-key-of-enough-length",
    MEDIA_SIGNING_KEY_ID: "k1",
    SMTP_URL: "smtp://mail.internal:587",
    MAIL_FROM: "Lumen <no-reply@lumen.example>",
    EMAIL_TOKEN_SECRET: "a-production-email-token-secret-of-enough-length",
  };
  const refusal = (source: Record<string, string>) => {
    try {
      parseApiEnv(source);
    } catch (error) {
      if (error instanceof EnvError) return error.message;
      throw error;
    }
    return null;
  };

  it("defaults to trusting nobody and reads a list of proxies", () => {
    expect(parseApiEnv({}).TRUST_PROXY).toBe(false);
    expect(parseApiEnv({ TRUST_PROXY: "10.0.0.0/8,fd00::/8" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "fd00::/8",
    ]);
  });

  it("refuses TRUST_PROXY=true in production with a message saying what to set", () => {
    expect(refusal({ ...production, TRUST_PROXY: "true" })).toMatch(
      /TRUST_PROXY: TRUST_PROXY=true would let any client choose its address; in production list/,
    );
    // (Production refuses other things here, e.g. the dev certificate key; not TRUST_PROXY.)
    expect(refusal({ ...production, TRUST_PROXY: "10.0.0.0/8" })).not.toMatch(/TRUST_PROXY/);
  });

  it("requires mail settings in production", () => {
    const { SMTP_URL: _, MAIL_FROM: __, ...withoutMail } = production;
    expect(refusal(withoutMail)).toMatch(/SMTP_URL is required in production/);
  });
});
