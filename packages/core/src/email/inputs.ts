import { emailDelivery, notificationKind } from "@lumen/db";
import { z } from "zod";
import { singleLine } from "../kernel";
import { isTimeZone } from "./zoned";

const kind = z.enum(notificationKind.enumValues, { error: "That is not a notification kind." });
const delivery = z.enum(emailDelivery.enumValues, {
  error: "Choose off, instant or daily digest.",
});

export const timeZoneInput = singleLine({ label: "Time zone", max: 64 })
  .min(1, "Choose a time zone.")
  .refine(isTimeZone, "That is not a time zone we know (use an IANA name like Europe/Paris).");

/** A BCP 47 language tag; stored in its canonical form (`fr-ca` → `fr-CA`). */
export const localeInput = singleLine({ label: "Language", max: 35 })
  .min(2, "Choose a language.")
  .refine(isLocale, "That is not a language tag (e.g. en, fr-CA).");

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

export function canonicalLocale(value: string): string {
  return Intl.getCanonicalLocales(value)[0] ?? value;
}

/**
 * What the email settings page saves: deliveries only. The time zone and language belong to the
 * profile (one writer of users.locale and users.timeZone, ADR 0028); emails read them there.
 */
export const emailSettingsInput = z
  .object({
    preferences: z
      .array(z.object({ kind, delivery }))
      .max(notificationKind.enumValues.length)
      .refine(
        (list) => new Set(list.map((p) => p.kind)).size === list.length,
        "Each kind may appear once.",
      )
      .optional(),
  })
  .strict();
export type EmailSettingsInput = z.output<typeof emailSettingsInput>;

/** An unsubscribe link's token, as it arrives from the link or the one-click POST. */
export const unsubscribeInput = z.object({
  token: singleLine({ label: "Unsubscribe token", max: 512 }).min(
    10,
    "The link's token is cut short.",
  ),
});

/** Undoing an unsubscribe: the same token and what each kind was before. */
export const resubscribeInput = unsubscribeInput.extend({
  previous: z.array(z.object({ kind, delivery })).min(1).max(notificationKind.enumValues.length),
});
export type ResubscribeInput = z.output<typeof resubscribeInput>;
