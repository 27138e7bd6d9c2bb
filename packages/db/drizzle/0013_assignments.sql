CREATE TYPE "public"."assignment_fallback" AS ENUM('grade_available', 'staff');--> statement-breakpoint
CREATE TYPE "public"."assignment_graded_by" AS ENUM('peers', 'peers_partial', 'staff', 'override');--> statement-breakpoint
CREATE TYPE "public"."assignment_submission_status" AS ENUM('submitted', 'in_review', 'graded', 'needs_staff');--> statement-breakpoint
CREATE TABLE "assignment_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"stored_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_calibrations" (
	"example_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"accuracy" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_calibrations_example_id_enrollment_id_unique" UNIQUE("example_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"body" text NOT NULL,
	"scores" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignment_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"reviewer_enrollment_id" uuid NOT NULL,
	"leased_at" timestamp with time zone NOT NULL,
	"lease_expires_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"scores" jsonb,
	"weight" real DEFAULT 1 NOT NULL,
	"flagged_at" timestamp with time zone,
	"flag_reason" text,
	"flag_resolution" text,
	CONSTRAINT "assignment_reviews_submission_id_reviewer_unique" UNIQUE("submission_id","reviewer_enrollment_id"),
	CONSTRAINT "assignment_reviews_submitted_check" CHECK (("assignment_reviews"."submitted_at" is null) = ("assignment_reviews"."scores" is null))
);
--> statement-breakpoint
CREATE TABLE "assignment_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lesson_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"cohort" text NOT NULL,
	"body" text NOT NULL,
	"status" "assignment_submission_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"revised_at" timestamp with time zone,
	"review_deadline" timestamp with time zone NOT NULL,
	"grade_points" real,
	"max_points" real,
	"grade_percent" real,
	"passed" boolean,
	"graded_by" "assignment_graded_by",
	"grade_scores" jsonb,
	"graded_at" timestamp with time zone,
	"staff_user_id" text,
	"staff_note" text,
	CONSTRAINT "assignment_submissions_lesson_id_enrollment_id_unique" UNIQUE("lesson_id","enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"lesson_id" uuid PRIMARY KEY NOT NULL,
	"rubric" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allow_attachments" boolean DEFAULT true NOT NULL,
	"reviews_to_give" smallint DEFAULT 3 NOT NULL,
	"reviews_needed" smallint DEFAULT 3 NOT NULL,
	"due_at" timestamp with time zone,
	"review_window_hours" integer DEFAULT 168 NOT NULL,
	"reviews_close_at" timestamp with time zone,
	"lease_minutes" integer DEFAULT 480 NOT NULL,
	"fallback" "assignment_fallback" DEFAULT 'grade_available' NOT NULL,
	"weight_by_calibration" boolean DEFAULT false NOT NULL,
	"passing_percent" smallint DEFAULT 60 NOT NULL,
	"required_for_certificate" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_reviews_to_give_check" CHECK ("assignments"."reviews_to_give" between 0 and 10),
	CONSTRAINT "assignments_reviews_needed_check" CHECK ("assignments"."reviews_needed" between 1 and 10),
	CONSTRAINT "assignments_review_window_hours_check" CHECK ("assignments"."review_window_hours" between 1 and 8760),
	CONSTRAINT "assignments_lease_minutes_check" CHECK ("assignments"."lease_minutes" between 5 and 10080),
	CONSTRAINT "assignments_passing_percent_check" CHECK ("assignments"."passing_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "assignment_attachments" ADD CONSTRAINT "assignment_attachments_lesson_id_assignments_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."assignments"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_attachments" ADD CONSTRAINT "assignment_attachments_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_calibrations" ADD CONSTRAINT "assignment_calibrations_example_id_assignment_examples_id_fk" FOREIGN KEY ("example_id") REFERENCES "public"."assignment_examples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_calibrations" ADD CONSTRAINT "assignment_calibrations_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_calibrations" ADD CONSTRAINT "assignment_calibrations_lesson_id_assignments_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."assignments"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_examples" ADD CONSTRAINT "assignment_examples_lesson_id_assignments_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."assignments"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reviews" ADD CONSTRAINT "assignment_reviews_submission_id_assignment_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."assignment_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reviews" ADD CONSTRAINT "assignment_reviews_lesson_id_assignments_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."assignments"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_reviews" ADD CONSTRAINT "assignment_reviews_reviewer_enrollment_id_enrollments_id_fk" FOREIGN KEY ("reviewer_enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_lesson_id_assignments_lesson_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."assignments"("lesson_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_submissions" ADD CONSTRAINT "assignment_submissions_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_attachments_lesson_id_enrollment_id_idx" ON "assignment_attachments" USING btree ("lesson_id","enrollment_id");--> statement-breakpoint
CREATE INDEX "assignment_calibrations_enrollment_idx" ON "assignment_calibrations" USING btree ("enrollment_id","lesson_id");--> statement-breakpoint
CREATE INDEX "assignment_examples_lesson_id_position_idx" ON "assignment_examples" USING btree ("lesson_id","position");--> statement-breakpoint
CREATE INDEX "assignment_reviews_reviewer_idx" ON "assignment_reviews" USING btree ("reviewer_enrollment_id","lesson_id");--> statement-breakpoint
CREATE INDEX "assignment_reviews_lesson_id_flagged_idx" ON "assignment_reviews" USING btree ("lesson_id","flagged_at");--> statement-breakpoint
CREATE INDEX "assignment_submissions_lesson_id_status_idx" ON "assignment_submissions" USING btree ("lesson_id","cohort","status");--> statement-breakpoint
CREATE INDEX "assignment_submissions_review_deadline_idx" ON "assignment_submissions" USING btree ("review_deadline");