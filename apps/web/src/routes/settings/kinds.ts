import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../lib/trpc";

export type EmailSettings = inferOutput<typeof trpc.email.settings>;
export type NotificationKind = EmailSettings["preferences"][number]["kind"];
export type Delivery = EmailSettings["preferences"][number]["delivery"];

/**
 * What each kind of notification is, as the settings page names it. Message descriptors,
 * translated where shown (`t(label)`): module constants exist before a language is active.
 */
export const KIND_TEXT: Record<
  NotificationKind,
  { label: MessageDescriptor; hint: MessageDescriptor }
> = {
  forum_reply: {
    label: msg`Replies to my threads`,
    hint: msg`Someone answers a thread you started.`,
  },
  forum_mention: { label: msg`Mentions`, hint: msg`Someone @mentions you in a course forum.` },
  forum_followed_reply: {
    label: msg`Replies in threads I follow`,
    hint: msg`New replies in threads you follow or replied to.`,
  },
  forum_answer_accepted: {
    label: msg`Accepted answers`,
    hint: msg`Your answer to a question is accepted.`,
  },
  forum_moderation: {
    label: msg`Moderation of my posts`,
    hint: msg`A moderator hides, locks or restores something you wrote.`,
  },
  grade: { label: msg`Grades`, hint: msg`An assignment or exercise of yours is graded.` },
  certificate: { label: msg`Certificates`, hint: msg`A certificate you earned is ready.` },
  milestone: {
    label: msg`Course milestones`,
    hint: msg`You reach 25, 50, 75 or 100 % of a course.`,
  },
  privacy_export: {
    label: msg`Data exports`,
    hint: msg`An export of your data you asked for is ready.`,
  },
  account_deletion: {
    label: msg`Account deletion`,
    hint: msg`Your account is scheduled for deletion (when, and how to cancel).`,
  },
};

export const DELIVERY_CHOICES: ReadonlyArray<{ value: Delivery; label: MessageDescriptor }> = [
  { value: "instant", label: msg`Right away` },
  { value: "daily", label: msg`Daily digest` },
  { value: "off", label: msg`Off` },
];

/** This browser's zone and language: the defaults until the user saves their own. */
export function browserDefaults() {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    locale: navigator.language || "en",
  };
}

export function timeZoneOptions(current: string) {
  const zones = Intl.supportedValuesOf("timeZone");
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}
