-- Broad-query cells gain one row per (query, category, level, language) with tenths = -1:
-- the sum over every rating tenth, which a search without a minimum rating reads instead of
-- summing thousands of tenth rows. Existing builds get theirs from the rows they have.
INSERT INTO "search_broad_cells" ("query_id", "category", "level", "language", "tenths", "n")
SELECT "query_id", "category", "level", "language", -1, sum("n")::int
FROM "search_broad_cells"
WHERE "tenths" >= 0
GROUP BY "query_id", "category", "level", "language"
ON CONFLICT DO NOTHING;
