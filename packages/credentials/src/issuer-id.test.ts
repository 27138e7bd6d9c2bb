import { describe, expect, it } from "vitest";
import { issuerIdProblem } from "./issuer-id";

describe("issuerIdProblem", () => {
  it("accepts the development default outside production and a real https host in it", () => {
    expect(issuerIdProblem("https://lumen.localhost/issuer", false)).toBeNull();
    expect(issuerIdProblem("http://127.0.0.1:8787/issuer", false)).toBeNull();
    expect(issuerIdProblem("https://verify.lumen.academy/issuer", true)).toBeNull();
  });

  it("refuses placeholders and plain http in production", () => {
    for (const id of [
      "https://lumen.localhost/issuer",
      "https://localhost/issuer",
      "https://127.0.0.1/issuer",
      "https://lumen.example/issuer",
      "https://example.com/issuer",
      "https://edge.test/issuer",
    ]) {
      expect({ id, problem: issuerIdProblem(id, true) }).toEqual({
        id,
        problem: expect.stringMatching(/placeholder/),
      });
    }
    expect(issuerIdProblem("http://verify.lumen.academy/issuer", true)).toMatch(/https/);
  });

  it("refuses anything but <origin>/issuer anywhere", () => {
    for (const id of ["not a url", "https://lumen.academy/", "https://lumen.academy/issuer?x=1"]) {
      expect(issuerIdProblem(id, false)).not.toBeNull();
    }
  });
});
