import type { RegistryEntry } from "../types";
import { accountEntries } from "./account";
import { assessmentEntries } from "./assessment";
import { consentEntries } from "./consents";
import { contentEntries } from "./content";
import { forumEntries } from "./forum";
import { learningEntries } from "./learning";
import { platformEntries } from "./platform";
import { ratingEntries } from "./ratings";
import { retirementEntries } from "./retirement";

/**
 * Every table of the schema, with what a data export takes from it and what deletion will do
 * to it. A test fails when a table has no entry, so a new table forces the decision.
 */
export const PRIVACY_REGISTRY: readonly RegistryEntry[] = [
  ...accountEntries,
  ...learningEntries,
  ...assessmentEntries,
  ...forumEntries,
  ...ratingEntries,
  ...contentEntries,
  ...platformEntries,
  ...consentEntries,
  ...retirementEntries,
];
