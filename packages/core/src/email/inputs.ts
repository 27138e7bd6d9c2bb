import { emailDelivery, notificationKind } from "@lumen/db";
import { z } from "zod";
import { isTimeZone } from "./zoned";

const kind = z.enum(notificationKind.enumValues, { error: "That is not a notification kind." });
const delivery = z.enum(emailDelivery.enumValues, {
  error: "Choose off, instant or daily digest.",
});

export const timeZoneInput = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, "That is not a time zone we know (use an IANA name like Europe/Paris).");

export const localeInput = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((value, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {}
    ctx.addIssue({ code: "custom", message: "That is not a language tag (e.g. en, fr-CA)." });
    return z.NEVER;
  });

export const emailSettingsInput = z
  .object({
    timeZone: timeZoneInput.optional(),
    locale: localeInput.optional(),
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
  token: z.string().trim().min(10).max(512),
});

/** Undoing an unsubscribe: the same token and what each kind was before. */
export const resubscribeInput = unsubscribeInput.extend({
  previous: z.array(z.object({ kind, delivery })).min(1).max(notificationKind.enumValues.length),
});
export type ResubscribeInput = z.output<typeof resubscribeInput>;
