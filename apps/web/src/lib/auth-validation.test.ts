import { describe, expect, it } from "vitest";
import {
  authErrorMessage,
  fieldForAuthError,
  validateSignIn,
  validateSignUp,
} from "./auth-validation";

describe("auth form validation", () => {
  it("accepts a complete sign-in", () => {
    expect(validateSignIn({ email: "learner@lumen.dev", password: "x" })).toEqual({});
  });

  it("asks for the missing sign-in fields", () => {
    expect(validateSignIn({ email: " ", password: "" })).toEqual({
      email: "Enter your email address.",
      password: "Enter your password.",
    });
    expect(validateSignIn({ email: "leo", password: "x" }).email).toMatch(/like name@example.com/);
  });

  it("requires a name and an 8-character password to sign up", () => {
    expect(validateSignUp({ name: "", email: "a@b.co", password: "short" })).toEqual({
      name: "Enter your name.",
      password: "Use at least 8 characters.",
    });
    expect(validateSignUp({ name: "Leo", email: "a@b.co", password: "" }).password).toBe(
      "Choose a password.",
    );
    expect(validateSignUp({ name: "Leo", email: "a@b.co", password: "long enough" })).toEqual({});
  });

  it("puts server errors on the field they concern", () => {
    expect(fieldForAuthError("USER_ALREADY_EXISTS")).toBe("email");
    expect(fieldForAuthError("INVALID_EMAIL_OR_PASSWORD")).toBeNull();
    expect(authErrorMessage("INVALID_EMAIL_OR_PASSWORD", "x")).toMatch(/do not match/);
    expect(authErrorMessage(null, "fallback")).toBe("fallback");
  });
});
