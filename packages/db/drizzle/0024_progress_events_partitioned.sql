-- progress_events partitioned by month of occurred_at, for retention (ADR 0029). drizzle-kit
-- cannot express a partitioned table, so this migration is written by hand; the schema file
-- describes the columns and keys the same way.
-- A unique key on it would have to hold the partition key; a resend is found by its id alone
-- in progress_event_ids instead. seq keeps its values and its sequence's name (the rollup
-- reads it), now a plain sequence: Postgres 15 has no identity on partitioned tables.
CREATE TABLE "progress_event_ids" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
ALTER TABLE "progress_events" RENAME TO "progress_events_unpartitioned";--> statement-breakpoint
CREATE SEQUENCE "progress_events_seq_next" AS bigint;--> statement-breakpoint
SELECT setval('progress_events_seq_next', last_value, is_called) FROM "progress_events_seq_seq";--> statement-breakpoint
CREATE TABLE "progress_events" (
	"event_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"watched" int4multirange DEFAULT '{}' NOT NULL,
	"watched_seconds" real,
	"position_seconds" real NOT NULL,
	"completed" boolean NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
) PARTITION BY RANGE ("occurred_at");--> statement-breakpoint
-- Events outside the months created (a client clock far off, events older than retention).
CREATE TABLE "progress_events_default" PARTITION OF "progress_events" DEFAULT;--> statement-breakpoint
-- One partition per month from the oldest event's month (at most 5 years back) to 3 ahead;
-- the job (progress.partitions) keeps creating months ahead from here on.
DO $$
DECLARE
  -- Month starts as UTC wall-clock timestamps: month arithmetic independent of the session's zone.
  this_month timestamp := date_trunc('month', now() at time zone 'UTC');
  m timestamp;
BEGIN
  SELECT least(this_month, greatest(this_month - interval '5 years',
      coalesce(date_trunc('month', min(occurred_at) at time zone 'UTC'), this_month)))
    INTO m FROM "progress_events_unpartitioned";
  WHILE m <= this_month + interval '3 months' LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "progress_events" FOR VALUES FROM (%L) TO (%L)',
      'progress_events_' || to_char(m, '"y"YYYY"m"MM'),
      to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00',
      to_char(m + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
    m := m + interval '1 month';
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "progress_events" ("event_id", "seq", "enrollment_id", "lesson_id", "watched",
	"watched_seconds", "position_seconds", "completed", "occurred_at", "received_at")
SELECT "event_id", "seq", "enrollment_id", "lesson_id", "watched", "watched_seconds",
	"position_seconds", "completed", "occurred_at", "received_at"
FROM "progress_events_unpartitioned";--> statement-breakpoint
INSERT INTO "progress_event_ids" ("event_id", "occurred_at")
SELECT "event_id", "occurred_at" FROM "progress_events_unpartitioned";--> statement-breakpoint
DROP TABLE "progress_events_unpartitioned";--> statement-breakpoint
ALTER SEQUENCE "progress_events_seq_next" RENAME TO "progress_events_seq_seq";--> statement-breakpoint
ALTER SEQUENCE "progress_events_seq_seq" OWNED BY "progress_events"."seq";--> statement-breakpoint
ALTER TABLE "progress_events" ALTER COLUMN "seq" SET DEFAULT nextval('progress_events_seq_seq');--> statement-breakpoint
ALTER TABLE "progress_events" ADD CONSTRAINT "progress_events_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_events_enrollment_id_idx" ON "progress_events" USING btree ("enrollment_id");--> statement-breakpoint
CREATE INDEX "progress_events_seq_idx" ON "progress_events" USING brin ("seq");
