import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { NotificationKind } from "../settings/kinds";
import type { Unsubscribed } from "./api";

/**
 * What an unsubscribe stopped, as the object of "We will no longer send you …". Whole phrases
 * per kind (not a lower-cased settings label inside a sentence), so each language can inflect
 * them; typed, so a new notification kind fails the build here.
 */
const KIND_SCOPE: Record<NotificationKind, MessageDescriptor> = {
  forum_reply: msg`email about replies to my threads`,
  forum_mention: msg`email about mentions`,
  forum_followed_reply: msg`email about replies in threads I follow`,
  forum_answer_accepted: msg`email about accepted answers`,
  forum_moderation: msg`email about moderation of my posts`,
  grade: msg`email about grades`,
  certificate: msg`email about certificates`,
  milestone: msg`email about course milestones`,
  privacy_export: msg`email about data exports`,
  account_deletion: msg`email about deleting my account`,
};

const ALL = msg`all email from Lumen`;
const DIGEST = msg`your daily digest`;

export function scopeText(scope: Unsubscribed["scope"]): MessageDescriptor {
  if (scope === "all") return ALL;
  if (scope === "digest") return DIGEST;
  return KIND_SCOPE[scope];
}
