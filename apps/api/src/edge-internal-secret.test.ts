import { describe, expect, it } from "vitest";
import { warnAboutDeprecatedEnv } from "./boot";
import { EnvError, parseApiEnv } from "./env";
import { createLogger } from "./logger";

const OLD = "an-old-edge-purge-secret-of-enough-length";
const NEW = "a-new-edge-internal-secret-of-enough-length";

/** The JSON lines start-up logs for `source`, as the API and the job runner do (boot.ts). */
function startupLines(source: Record<string, string>) {
  const lines: string[] = [];
  const logger = createLogger({ base: { service: "api" }, write: (line) => lines.push(line) });
  warnAboutDeprecatedEnv(parseApiEnv(source), logger);
  return lines;
}

/** Why the environment is refused, or "" when it is accepted. */
function problems(source: Record<string, string>): string {
  try {
    parseApiEnv(source);
    return "";
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
}

describe("EDGE_INTERNAL_SECRET (formerly EDGE_PURGE_SECRET)", () => {
  it("is what the job runner sends the edge; the default matches the edge's .dev.vars", () => {
    expect(parseApiEnv({ EDGE_INTERNAL_SECRET: NEW }).EDGE_INTERNAL_SECRET).toBe(NEW);
    expect(parseApiEnv({}).EDGE_INTERNAL_SECRET).toBe(
      "lumen-dev-only-internal-secret-not-for-production",
    );
    expect(startupLines({ EDGE_INTERNAL_SECRET: NEW })).toEqual([]);
  });

  it("set only under the old name is used, and start-up logs one warning naming both", () => {
    expect(parseApiEnv({ EDGE_PURGE_SECRET: OLD }).EDGE_INTERNAL_SECRET).toBe(OLD);

    const lines = startupLines({ EDGE_PURGE_SECRET: OLD });

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        time: expect.any(String),
        level: "warn",
        msg: "EDGE_PURGE_SECRET is deprecated: it is now EDGE_INTERNAL_SECRET; set that and delete EDGE_PURGE_SECRET",
        service: "api",
        deprecated: "EDGE_PURGE_SECRET",
        current: "EDGE_INTERNAL_SECRET",
      },
    ]);
    expect(lines.join("\n")).not.toContain(OLD);
  });

  it("set under both names to one value is used, with the same warning", () => {
    expect(parseApiEnv({ EDGE_PURGE_SECRET: NEW, EDGE_INTERNAL_SECRET: NEW })).toMatchObject({
      EDGE_INTERNAL_SECRET: NEW,
    });
    expect(startupLines({ EDGE_PURGE_SECRET: NEW, EDGE_INTERNAL_SECRET: NEW })).toHaveLength(1);
  });

  it("set under both names to different values refuses to start, naming both and neither value", () => {
    const message = problems({ EDGE_PURGE_SECRET: OLD, EDGE_INTERNAL_SECRET: NEW });

    expect(message).toContain(
      "EDGE_INTERNAL_SECRET: EDGE_PURGE_SECRET (its deprecated name) is also set, to a different value; delete EDGE_PURGE_SECRET",
    );
    expect(message).not.toContain(OLD);
    expect(message).not.toContain(NEW);
  });

  it("is required in production under either name", () => {
    const production = {
      LUMEN_ENV: "production",
      DATABASE_URL: "postgres://lumen@db.internal/lumen",
      AUTH_SECRET: "a-production-auth-secret-of-enough-length",
      MEDIA_SIGNING_KEYS: "k1:a-production-media-key-of-enough-length",
      MEDIA_SIGNING_KEY_ID: "k1",
      SMTP_URL: "smtp://mail.internal:587",
      MAIL_FROM: "Lumen <no-reply@lumen.example>",
      EMAIL_TOKEN_SECRET: "a-production-email-token-secret-of-enough-length",
    };
    expect(problems(production)).toContain("EDGE_INTERNAL_SECRET is required in production");
    const named: Record<string, string>[] = [
      { EDGE_PURGE_SECRET: OLD },
      { EDGE_INTERNAL_SECRET: NEW },
    ];
    for (const name of named) {
      expect(problems({ ...production, ...name })).not.toMatch(/EDGE_(INTERNAL|PURGE)_SECRET/);
    }
  });
});
