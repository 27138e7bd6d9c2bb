CREATE TYPE "public"."exercise_style" AS ENUM('stdio', 'function');--> statement-breakpoint
CREATE TYPE "public"."exercise_submission_purpose" AS ENUM('submit', 'samples', 'reference');--> statement-breakpoint
CREATE TYPE "public"."exercise_submission_status" AS ENUM('queued', 'grading', 'graded');--> statement-breakpoint
CREATE TABLE "exercise_drafts" (
	"user_id" text NOT NULL,
	"lesson_id" uuid NOT NULL,
	"code" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_drafts_user_id_lesson_id_pk" PRIMARY KEY("user_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "exercise_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lesson_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"enrollment_id" uuid,
	"purpose" "exercise_submission_purpose" NOT NULL,
	"attempt_number" smallint,
	"exercise_version" integer NOT NULL,
	"language" text NOT NULL,
	"code" text NOT NULL,
	"status" "exercise_submission_status" DEFAULT 'queued' NOT NULL,
	"score_points" real,
	"max_points" real,
	"score_percent" real,
	"passed" boolean,
	"results" jsonb,
	"compile_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"grading_started_at" timestamp with time zone,
	"graded_at" timestamp with time zone,
	CONSTRAINT "exercise_submissions_enrollment_lesson_attempt_unique" UNIQUE("enrollment_id","lesson_id","attempt_number"),
	CONSTRAINT "exercise_submissions_attempt_check" CHECK (("exercise_submissions"."purpose" = 'submit') = ("exercise_submissions"."attempt_number" is not null and "exercise_submissions"."enrollment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "exercise_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sample" boolean DEFAULT false NOT NULL,
	"points" smallint DEFAULT 1 NOT NULL,
	"input" text DEFAULT '' NOT NULL,
	"expected" text NOT NULL,
	CONSTRAINT "exercise_tests_points_check" CHECK ("exercise_tests"."points" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"lesson_id" uuid PRIMARY KEY NOT NULL,
	"language" text DEFAULT 'python' NOT NULL,
	"style" "exercise_style" DEFAULT 'stdio' NOT NULL,
	"function_name" text DEFAULT '' NOT NULL,
	"normalise" text DEFAULT 'trim' NOT NULL,
	"tolerance" real DEFAULT 0.000001 NOT NULL,
	"starter_code" text DEFAULT '' NOT NULL,
	"reference_solution" text DEFAULT '' NOT NULL,
	"time_limit_ms" integer DEFAULT 2000 NOT NULL,
	"memory_mb" smallint DEFAULT 256 NOT NULL,
	"passing_percent" smallint DEFAULT 100 NOT NULL,
	"max_attempts" smallint,
	"required_for_certificate" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_time_limit_ms_check" CHECK ("exercises"."time_limit_ms" between 100 and 10000),
	CONSTRAINT "exercises_memory_mb_check" CHECK ("exercises"."memory_mb" between 32 and 1024),
	CONSTRAINT "exercises_passing_percent_check" CHECK ("exercises"."passing_percent" between 0 and 100),
	CONSTRAINT "exercises_max_attempts_check" CHECK ("exercises"."max_attempts" is null or "exercises"."max_attempts" >= 1)
);
--> statement-breakpoint
ALTER TABLE "exercise_drafts" ADD CONSTRAINT "exercise_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_drafts" ADD CONSTRAINT "exercise_drafts_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_submissions" ADD CONSTRAINT "exercise_submissions_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_submissions" ADD CONSTRAINT "exercise_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_submissions" ADD CONSTRAINT "exercise_submissions_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_tests" ADD CONSTRAINT "exercise_tests_lesson_id_exercises_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."exercises"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercise_drafts_lesson_id_idx" ON "exercise_drafts" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "exercise_submissions_lesson_id_user_id_idx" ON "exercise_submissions" USING btree ("lesson_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "exercise_submissions_enrollment_id_idx" ON "exercise_submissions" USING btree ("enrollment_id","lesson_id");--> statement-breakpoint
CREATE INDEX "exercise_tests_lesson_id_position_idx" ON "exercise_tests" USING btree ("lesson_id","position");