CREATE TABLE "analytics_active_days" (
	"enrollment_id" uuid NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "analytics_active_days_enrollment_id_day_pk" PRIMARY KEY("enrollment_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_active_weeks" (
	"enrollment_id" uuid NOT NULL,
	"week" date NOT NULL,
	CONSTRAINT "analytics_active_weeks_enrollment_id_week_pk" PRIMARY KEY("enrollment_id","week")
);
--> statement-breakpoint
CREATE TABLE "analytics_course_days" (
	"course_id" uuid NOT NULL,
	"day" date NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"unenrolled" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"certified" integer DEFAULT 0 NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_course_days_course_id_day_pk" PRIMARY KEY("course_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_course_weeks" (
	"course_id" uuid NOT NULL,
	"week" date NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_course_weeks_course_id_week_pk" PRIMARY KEY("course_id","week")
);
--> statement-breakpoint
CREATE TABLE "analytics_cursors" (
	"source" text PRIMARY KEY NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_enrollments" (
	"enrollment_id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL,
	"unenrolled_at" timestamp with time zone,
	"lessons_started" integer DEFAULT 0 NOT NULL,
	"lessons_completed" integer DEFAULT 0 NOT NULL,
	"required_completed" integer DEFAULT 0 NOT NULL,
	"last_active_at" timestamp with time zone,
	"quiz_average" real,
	"quizzes_passed" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"certificate_id" uuid,
	"certified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" text,
	"table" text NOT NULL,
	"rows" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_lesson_learners" (
	"enrollment_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"completed" boolean NOT NULL,
	"coverage" "int4multirange" DEFAULT '{}' NOT NULL,
	"stop_second" integer,
	CONSTRAINT "analytics_lesson_learners_enrollment_id_lesson_id_pk" PRIMARY KEY("enrollment_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_lessons" (
	"lesson_id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"started" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"viewers" integer DEFAULT 0 NOT NULL,
	"watched_tenths" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_quiz_options" (
	"lesson_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"option_id" text NOT NULL,
	"chosen" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_quiz_options_lesson_id_question_id_option_id_pk" PRIMARY KEY("lesson_id","question_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_quiz_questions" (
	"lesson_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"band" smallint NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_quiz_questions_lesson_id_question_id_band_pk" PRIMARY KEY("lesson_id","question_id","band")
);
--> statement-breakpoint
CREATE TABLE "analytics_quiz_scores" (
	"lesson_id" uuid NOT NULL,
	"band" smallint NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"score_sum" numeric DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_quiz_scores_lesson_id_band_pk" PRIMARY KEY("lesson_id","band")
);
--> statement-breakpoint
CREATE TABLE "analytics_video_seconds" (
	"lesson_id" uuid NOT NULL,
	"second" integer NOT NULL,
	"viewers" integer DEFAULT 0 NOT NULL,
	"plays" integer DEFAULT 0 NOT NULL,
	"stops" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_video_seconds_lesson_id_second_pk" PRIMARY KEY("lesson_id","second")
);
--> statement-breakpoint
ALTER TABLE "progress_events" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "progress_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "quiz_attempts_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "analytics_active_days" ADD CONSTRAINT "analytics_active_days_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_active_weeks" ADD CONSTRAINT "analytics_active_weeks_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_course_days" ADD CONSTRAINT "analytics_course_days_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_course_weeks" ADD CONSTRAINT "analytics_course_weeks_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_enrollments" ADD CONSTRAINT "analytics_enrollments_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_enrollments" ADD CONSTRAINT "analytics_enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_enrollments" ADD CONSTRAINT "analytics_enrollments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_exports" ADD CONSTRAINT "analytics_exports_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_exports" ADD CONSTRAINT "analytics_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_lesson_learners" ADD CONSTRAINT "analytics_lesson_learners_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_lesson_learners" ADD CONSTRAINT "analytics_lesson_learners_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_lesson_learners" ADD CONSTRAINT "analytics_lesson_learners_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_lessons" ADD CONSTRAINT "analytics_lessons_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_lessons" ADD CONSTRAINT "analytics_lessons_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_quiz_options" ADD CONSTRAINT "analytics_quiz_options_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_quiz_questions" ADD CONSTRAINT "analytics_quiz_questions_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_quiz_scores" ADD CONSTRAINT "analytics_quiz_scores_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_video_seconds" ADD CONSTRAINT "analytics_video_seconds_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_course_completed_idx" ON "analytics_enrollments" USING btree ("course_id","completed_at");--> statement-breakpoint
CREATE INDEX "analytics_enrollments_user_idx" ON "analytics_enrollments" USING btree ("user_id","course_id") WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_progress_idx" ON "analytics_enrollments" USING btree ("course_id","required_completed","enrollment_id") WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_enrolled_idx" ON "analytics_enrollments" USING btree ("course_id","enrolled_at","enrollment_id") WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_active_asc_idx" ON "analytics_enrollments" USING btree ("course_id","last_active_at","enrollment_id") WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_active_desc_idx" ON "analytics_enrollments" USING btree ("course_id","last_active_at" DESC NULLS LAST,"enrollment_id" DESC NULLS LAST) WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_quiz_asc_idx" ON "analytics_enrollments" USING btree ("course_id","quiz_average","enrollment_id") WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_quiz_desc_idx" ON "analytics_enrollments" USING btree ("course_id","quiz_average" DESC NULLS LAST,"enrollment_id" DESC NULLS LAST) WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_certified_asc_idx" ON "analytics_enrollments" USING btree ("course_id","certified_at","enrollment_id") WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_enrollments_certified_desc_idx" ON "analytics_enrollments" USING btree ("course_id","certified_at" DESC NULLS LAST,"enrollment_id" DESC NULLS LAST) WHERE "analytics_enrollments"."unenrolled_at" is null;--> statement-breakpoint
CREATE INDEX "analytics_exports_course_id_idx" ON "analytics_exports" USING btree ("course_id","created_at");--> statement-breakpoint
CREATE INDEX "analytics_lessons_course_id_idx" ON "analytics_lessons" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "users_name_idx" ON "users" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "certificates_changed_at_idx" ON "certificates" USING btree (greatest("issued_at", "revoked_at"));--> statement-breakpoint
CREATE INDEX "enrollments_changed_at_idx" ON "enrollments" USING btree (greatest("enrolled_at", "unenrolled_at", "completed_at"));--> statement-breakpoint
CREATE INDEX "progress_events_seq_idx" ON "progress_events" USING brin ("seq");--> statement-breakpoint
CREATE INDEX "quiz_attempts_seq_idx" ON "quiz_attempts" USING btree ("seq");