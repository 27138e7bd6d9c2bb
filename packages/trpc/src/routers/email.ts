import { emailSettingsInput, getEmailSettings, updateEmailSettings } from "@lumen/core/email";
import { protectedProcedure, router } from "../trpc";

/**
 * The signed-in user's email settings: a delivery (off / instant / daily digest) per
 * notification kind (the time zone and language are the profile's). Unsubscribing from a link needs no sign-in
 * and is a REST route of the API (RFC 8058 one-click POST).
 */
export const emailRouter = router({
  settings: protectedProcedure.query(({ ctx }) => getEmailSettings(ctx)),
  updateSettings: protectedProcedure
    .input(emailSettingsInput)
    .mutation(({ ctx, input }) => updateEmailSettings({ ...ctx, input })),
});
