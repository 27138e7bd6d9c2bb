/** What the extraction found in the code: message id → its English source. */
export type Extracted = Record<string, { message?: string | undefined }>;
/** A committed catalog: message id → its translation (empty until translated). */
export type Committed = Record<string, { translation?: string | undefined }>;

/**
 * Problems of the committed catalogs against a fresh extraction, one line each: a message in
 * the code that a locale's catalog lacks (extract was not run), and, for the translated
 * locales, an entry whose translation is empty.
 */
export function catalogProblems(
  name: string,
  extracted: Extracted,
  committed: Record<string, Committed | undefined>,
  translated: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const [locale, catalog] of Object.entries(committed)) {
    for (const [id, { message }] of Object.entries(extracted)) {
      const entry = catalog?.[id];
      if (!entry) problems.push(`${locale}/${name}: missing "${message ?? id}" (run i18n:extract)`);
      else if (translated.includes(locale) && !entry.translation?.trim()) {
        problems.push(`${locale}/${name}: "${message ?? id}" is not translated`);
      }
    }
  }
  return problems;
}
