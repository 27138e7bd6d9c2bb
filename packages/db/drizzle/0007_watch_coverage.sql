CREATE TABLE "playback_starts" (
	"user_id" text NOT NULL,
	"lesson_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "playback_starts_user_id_lesson_id_pk" PRIMARY KEY("user_id","lesson_id")
);
--> statement-breakpoint
ALTER TABLE "playback_positions" DROP CONSTRAINT "playback_positions_watched_seconds_check";--> statement-breakpoint
ALTER TABLE "progress_events" ALTER COLUMN "watched_seconds" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD COLUMN "coverage" "int4multirange" DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_events" ADD COLUMN "watched" "int4multirange" DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "playback_starts" ADD CONSTRAINT "playback_starts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playback_starts" ADD CONSTRAINT "playback_starts_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playback_starts_lesson_id_idx" ON "playback_starts" USING btree ("lesson_id");--> statement-breakpoint
ALTER TABLE "playback_positions" DROP COLUMN "watched_seconds";--> statement-breakpoint
-- Hand-written (ADR 0007, "Existing progress"): watched_seconds now means seconds covered, derived
-- from coverage. Old totals were the client's unverified sums and say nothing about which parts
-- were watched, so no coverage is invented from them: every row starts with empty coverage and
-- 0 s covered. Completions already earned (completed_at) are kept; progress_events keeps each
-- old event's claimed total in watched_seconds.
UPDATE "lesson_progress" SET "watched_seconds" = 0;
