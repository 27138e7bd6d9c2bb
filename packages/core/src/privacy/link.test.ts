import { describe, expect, it } from "vitest";
import { EXPORT_LINK_TTL_MS, exportLinkQuery, isExportLinkSigned, signExportLink } from "./link";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const now = new Date("2030-01-01T12:00:00Z");
const row = { id: "7d0f8a52-9a0b-4c57-9f57-0ad6f5b0c001", userId: "user-1" };
const queryOf = (path: string) =>
  exportLinkQuery.parse(Object.fromEntries(new URL(path, "http://x").searchParams));

describe("signed export download links", () => {
  it("work for a day, never past the archive's own expiry", () => {
    const week = new Date(now.getTime() + 7 * 864e5);
    expect(
      signExportLink({
        secret: SECRET,
        exportId: row.id,
        userId: row.userId,
        archiveExpiresAt: week,
        now,
      }).expiresAt,
    ).toEqual(new Date(now.getTime() + EXPORT_LINK_TTL_MS));
    const soon = new Date(now.getTime() + 3_600_000);
    expect(
      signExportLink({
        secret: SECRET,
        exportId: row.id,
        userId: row.userId,
        archiveExpiresAt: soon,
        now,
      }).expiresAt,
    ).toEqual(soon);
  });

  it("verify only for the export, owner and secret they were signed for", () => {
    const archiveExpiresAt = new Date(now.getTime() + 7 * 864e5);
    const link = signExportLink({
      secret: SECRET,
      ...{ exportId: row.id, userId: row.userId },
      archiveExpiresAt,
      now,
    });
    const query = queryOf(link.path);
    expect(isExportLinkSigned(SECRET, row, query)).toBe(true);
    expect(isExportLinkSigned(SECRET, { ...row, userId: "user-2" }, query)).toBe(false);
    expect(isExportLinkSigned(`${SECRET}!`, row, query)).toBe(false);
    expect(isExportLinkSigned(SECRET, row, { ...query, expires: query.expires + 1 })).toBe(false);
  });
});
