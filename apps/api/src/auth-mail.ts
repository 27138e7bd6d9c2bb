import type { Mail } from "./mailer";

/**
 * The two mails sign-up sends. Plain text only: nothing a user typed (their name) is ever
 * rendered as HTML, and the link is the whole point.
 */
export function verificationMail({ email, url }: { email: string; url: string }): Mail {
  return {
    to: email,
    subject: "Confirm your email address for Lumen",
    text: [
      "Welcome to Lumen!",
      "",
      "Open this link to confirm your email address and sign in:",
      url,
      "",
      "The link works for one hour. If you did not create a Lumen account, ignore this email.",
    ].join("\n"),
  };
}

/** Sent instead of a new account when the address already has one (no enumeration). */
export function existingAccountMail({
  email,
  signInUrl,
}: {
  email: string;
  signInUrl: string;
}): Mail {
  return {
    to: email,
    subject: "You already have a Lumen account",
    text: [
      "Someone, hopefully you, tried to create a Lumen account with this email address.",
      "",
      "You already have one. Sign in here:",
      signInUrl,
      "",
      "If that was not you, you can ignore this email: nothing has changed.",
    ].join("\n"),
  };
}
