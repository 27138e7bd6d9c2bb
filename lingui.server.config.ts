import { defineConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";
import { LOCALES } from "./packages/shared/src/locales";

/**
 * Catalogs of server-rendered text (ADR 0028): emails and notifications (core), the
 * certificate PDF (credentials) and the verify page (edge). Ids are explicit because server
 * code has no macro transform; English is the source catalog. `pnpm i18n:compile` writes
 * each .po's `messages.ts` beside it, committed, so Node and workerd need no build step.
 */
export default defineConfig({
  sourceLocale: "en",
  locales: [...LOCALES],
  catalogs: [
    "packages/core/src/i18n",
    "packages/credentials/src/pdf/i18n",
    "apps/edge/src/i18n",
  ].map((dir) => ({
    path: `<rootDir>/${dir}/locales/{locale}/messages`,
    include: [],
  })),
  format: formatter({ explicitIdAsDefault: true, origins: false }),
  compileNamespace: "ts",
});
