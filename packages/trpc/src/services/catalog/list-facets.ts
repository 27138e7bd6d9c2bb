import { courses, type Database } from "@lumen/db";
import { asc, count, eq } from "drizzle-orm";

export interface FacetValue {
  value: string;
  count: number;
}
export interface CatalogFacets {
  categories: FacetValue[];
  levels: FacetValue[];
  languages: FacetValue[];
}

/** Every filter value that has published courses, with counts, for the catalog's filter UI. */
export async function listFacets({ db }: { db: Database }): Promise<CatalogFacets> {
  const published = eq(courses.status, "published");
  const facet = (
    column: typeof courses.category | typeof courses.level | typeof courses.language,
  ) =>
    db
      .select({ value: column, count: count() })
      .from(courses)
      .where(published)
      .groupBy(column)
      .orderBy(asc(column));
  const [categories, levels, languages] = await Promise.all([
    facet(courses.category),
    facet(courses.level),
    facet(courses.language),
  ]);
  return { categories, levels, languages };
}
