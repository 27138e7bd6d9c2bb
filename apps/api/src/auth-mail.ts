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

/** The password reset link; the same words whoever asked, since anyone can ask for any address. */
export function passwordResetMail({ email, url }: { email: string; url: string }): Mail {
  return {
    to: email,
    subject: "Reset your Lumen password",
    text: [
      "Someone, hopefully you, asked to reset the password of the Lumen account for this address.",
      "",
      "Open this link to choose a new password:",
      url,
      "",
      "The link works once, for one hour. Choosing a new password signs you out on every device.",
      "If you did not ask for this, ignore this email: your password has not changed.",
    ].join("\n"),
  };
}

/** Sent to the NEW address of an email change: the account switches only once it is opened. */
export function changeEmailMail({ email, url }: { email: string; url: string }): Mail {
  return {
    to: email,
    subject: "Confirm your new email address for Lumen",
    text: [
      "Someone, hopefully you, asked to use this address for their Lumen account.",
      "",
      "Open this link to confirm it; until then the account keeps its current address:",
      url,
      "",
      "The link works for one hour. If you did not ask for this, ignore this email.",
    ].join("\n"),
  };
}

/** To the CURRENT address when a change is requested: nothing has changed yet. */
export function emailChangeRequestedMail({
  email,
  newEmail,
}: {
  email: string;
  newEmail: string;
}): Mail {
  return {
    to: email,
    subject: "A change of your Lumen email address was requested",
    text: [
      `Someone signed in to your Lumen account asked to change its email address to ${newEmail}.`,
      "",
      "Nothing changes unless the link sent to that address is opened.",
      "If this was not you, change your password now: that signs out every other device.",
    ].join("\n"),
  };
}
