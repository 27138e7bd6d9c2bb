import { stripVTControlCharacters } from "node:util";
import { DEMO_USERS } from "@lumen/db/seed";
import { describe, expect, it } from "vitest";
import { formatBanner, redactUrl } from "./banner";

describe("formatBanner", () => {
  const banner = stripVTControlCharacters(
    formatBanner({
      webUrl: "http://localhost:5173",
      apiUrl: "http://127.0.0.1:3000",
      edgeUrl: "http://127.0.0.1:8787",
      mailUrl: "http://127.0.0.1:1080",
      database: "PGlite",
      accounts: DEMO_USERS,
      demo: {
        courseUrl: "http://localhost:5173/courses/a-tour-of-lumen",
        certificateUrl: "http://127.0.0.1:8787/certificates/0b9c…",
      },
      grading: { ready: true },
    }),
  );

  it("says which one URL to open", () => {
    expect(banner).toContain("Open http://localhost:5173");
  });

  it("says where every email the platform sends can be read", () => {
    expect(banner).toMatch(/Mail\s+http:\/\/127\.0\.0\.1:1080 .*every email lands here/);
  });

  it("lists every demo account with its password on one line", () => {
    for (const user of DEMO_USERS) {
      expect(banner).toMatch(new RegExp(`${user.role}\\s+${user.email}\\s+${user.password}`));
    }
  });

  it("links the demo course and its graduate's certificate, or says why it is missing", () => {
    expect(banner).toMatch(/Demo course\s+http:\/\/localhost:5173\/courses\/a-tour-of-lumen/);
    expect(banner).toMatch(/Certificate\s+http:\/\/127\.0\.0\.1:8787\/certificates\//);
    const missing = stripVTControlCharacters(
      formatBanner({
        webUrl: "http://localhost:5173",
        apiUrl: "http://127.0.0.1:3000",
        edgeUrl: "http://127.0.0.1:8787",
        mailUrl: "http://127.0.0.1:1080",
        database: "PGlite",
        accounts: DEMO_USERS,
        demo: { problem: "video processing is unavailable" },
        grading: { ready: true },
      }),
    );
    expect(missing).toMatch(/Demo course\s+not ready: video processing is unavailable/);
  });

  it("says whether code is graded, and how to turn grading on when it is not", () => {
    expect(banner).toMatch(/Grading\s+ready/);
    const off = stripVTControlCharacters(
      formatBanner({
        webUrl: "http://localhost:5173",
        apiUrl: "http://127.0.0.1:3000",
        edgeUrl: "http://127.0.0.1:8787",
        mailUrl: "http://127.0.0.1:1080",
        database: "PGlite",
        accounts: DEMO_USERS,
        demo: { problem: "x" },
        grading: { off: "runsc not found", enable: "install gVisor (apt-get install runsc)" },
      }),
    );
    expect(off).toMatch(/Grading\s+off: runsc not found/);
    expect(off).toMatch(/submissions wait in the queue; to grade them, install gVisor/);
  });

  it("says where the API, the edge and the data are", () => {
    expect(banner).toMatch(/API\s+http:\/\/127\.0\.0\.1:3000/);
    expect(banner).toMatch(/Edge\s+http:\/\/127\.0\.0\.1:8787/);
    expect(banner).toMatch(/Database\s+PGlite/);
  });
});

describe("redactUrl", () => {
  it("hides the password of a database URL", () => {
    expect(redactUrl("postgres://app:s3cret@db.example:5432/lumen")).toBe(
      "postgres://app:***@db.example:5432/lumen",
    );
  });

  it("never echoes a URL it cannot parse (it may hold a password)", () => {
    expect(redactUrl("not a url :s3cret@")).toBe("(unparseable URL)");
  });
});
