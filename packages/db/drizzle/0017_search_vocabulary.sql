CREATE TABLE "search_vocabulary" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "search_vocabulary_one_row" CHECK ("search_vocabulary"."id")
);
--> statement-breakpoint
-- hand-written (carry over if this migration is renumbered)
INSERT INTO "search_vocabulary" ("id", "version") VALUES (true, 0) ON CONFLICT DO NOTHING;
