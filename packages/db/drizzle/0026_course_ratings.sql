-- Course ratings and reviews (issue 18, ADR 0032).
CREATE TYPE "public"."rating_report_status" AS ENUM('open', 'resolved', 'dismissed');--> statement-breakpoint
CREATE TABLE "course_rating_prompts" (
	"enrollment_id" uuid NOT NULL,
	"milestone" smallint NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_rating_prompts_enrollment_id_milestone_pk" PRIMARY KEY("enrollment_id","milestone")
);
--> statement-breakpoint
CREATE TABLE "course_rating_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"rating_id" uuid NOT NULL,
	"reporter_id" text,
	"reason" text NOT NULL,
	"status" "rating_report_status" DEFAULT 'open' NOT NULL,
	"resolver_id" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_rating_responses" (
	"rating_id" uuid PRIMARY KEY NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_rating_votes" (
	"rating_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_rating_votes_rating_id_user_id_pk" PRIMARY KEY("rating_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "course_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"stars" smallint NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"hidden_reason" text,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_ratings_stars_check" CHECK ("course_ratings"."stars" between 1 and 5),
	CONSTRAINT "course_ratings_helpful_count_check" CHECK ("course_ratings"."helpful_count" >= 0)
);
--> statement-breakpoint
DROP INDEX "courses_status_rating_average_idx";--> statement-breakpoint
DROP INDEX "course_search_rating_idx";--> statement-breakpoint
-- The damped average (ADR 0032): (3.5 * 10 + average * count) / (10 + count).
ALTER TABLE "courses" ADD COLUMN "rating_score" real GENERATED ALWAYS AS (((rating_average::float8 * rating_count + 35)
          / (rating_count + 10))::real) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "course_search" ADD COLUMN "rating_score" real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "course_rating_prompts" ADD CONSTRAINT "course_rating_prompts_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_reports" ADD CONSTRAINT "course_rating_reports_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_reports" ADD CONSTRAINT "course_rating_reports_rating_id_course_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."course_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_reports" ADD CONSTRAINT "course_rating_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_reports" ADD CONSTRAINT "course_rating_reports_resolver_id_users_id_fk" FOREIGN KEY ("resolver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_responses" ADD CONSTRAINT "course_rating_responses_rating_id_course_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."course_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_responses" ADD CONSTRAINT "course_rating_responses_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_votes" ADD CONSTRAINT "course_rating_votes_rating_id_course_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."course_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_rating_votes" ADD CONSTRAINT "course_rating_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_ratings" ADD CONSTRAINT "course_ratings_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_ratings" ADD CONSTRAINT "course_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_rating_reports_reporter_id_rating_id_idx" ON "course_rating_reports" USING btree ("reporter_id","rating_id") WHERE "course_rating_reports"."status" = 'open';--> statement-breakpoint
CREATE INDEX "course_rating_reports_course_id_status_created_at_idx" ON "course_rating_reports" USING btree ("course_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "course_ratings_course_id_user_id_idx" ON "course_ratings" USING btree ("course_id","user_id");--> statement-breakpoint
CREATE INDEX "course_ratings_course_id_helpful_count_idx" ON "course_ratings" USING btree ("course_id","helpful_count" DESC NULLS LAST,"created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "course_ratings_course_id_created_at_idx" ON "course_ratings" USING btree ("course_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "course_ratings_course_id_stars_idx" ON "course_ratings" USING btree ("course_id","stars","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "courses_status_rating_score_idx" ON "courses" USING btree ("status","rating_score" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "course_search_rating_score_idx" ON "course_search" USING btree ("rating_score" desc,"course_id");--> statement-breakpoint
-- Existing index rows take their course's damped average (the next reindex also would).
UPDATE "course_search" cs SET "rating_score" = c."rating_score" FROM "courses" c WHERE c."id" = cs."course_id";
