import { type SQL, sql } from "drizzle-orm";
import type { ParsedQuery } from "../query/parse";
import { atomTsquerySql } from "./tsquery";

/**
 * A parsed query as one tsquery expression built in SQL (clauses AND-ed, alternatives OR-ed,
 * exclusions negated) for searches outside the catalog — e.g. a course forum — that match a
 * plain tsvector column and need no typo correction or precomputed counts. Null when nothing
 * is required (a query of exclusions alone matches nothing useful). Wrap it in a scalar
 * subquery (`(select …)`) so Postgres computes it once and can use a GIN index.
 */
export function parsedTsquerySql(query: ParsedQuery, configs: readonly string[]): SQL | null {
  if (query.required.length === 0) return null;
  const clauses = query.required.map(
    (clause) =>
      sql`(${sql.join(
        clause.map((atom) => atomTsquerySql(atom, configs)),
        sql` || `,
      )})`,
  );
  const exclusions = query.excluded.map((atom) => sql`!!${atomTsquerySql(atom, configs)}`);
  return sql.join([...clauses, ...exclusions], sql` && `);
}
