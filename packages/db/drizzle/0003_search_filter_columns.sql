-- The index is derived data and nothing has written it yet; emptying it lets the new columns be
-- NOT NULL without defaults. `pnpm search:reindex` rebuilds it.
DELETE FROM "course_search";--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "category" text NOT NULL;--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "level" "course_level" NOT NULL;--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "language" text NOT NULL;--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "rating_average" real NOT NULL;--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "enrollment_count" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "published_at" timestamp with time zone;