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
	"released_at" timestamp with time zone,
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
	"reviews_live" smallint DEFAULT 0 NOT NULL,
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
CREATE INDEX "assignment_reviews_unreleased_idx" ON "assignment_reviews" USING btree ("lesson_id","lease_expires_at") WHERE "assignment_reviews"."submitted_at" is null and "assignment_reviews"."released_at" is null;--> statement-breakpoint
CREATE INDEX "assignment_submissions_lesson_id_status_idx" ON "assignment_submissions" USING btree ("lesson_id","cohort","status");--> statement-breakpoint
CREATE INDEX "assignment_submissions_review_queue_idx" ON "assignment_submissions" USING btree ("lesson_id","cohort","reviews_live","submitted_at","id") WHERE "assignment_submissions"."status" in ('submitted', 'in_review');--> statement-breakpoint
CREATE INDEX "assignment_submissions_review_deadline_idx" ON "assignment_submissions" USING btree ("review_deadline");--> statement-breakpoint
-- "Review next" in one round trip (ADR 0017): the matching runs where the rows and locks are,
-- with plans PL/pgSQL keeps, so fifty reviewers asking at once are not fifty times seven
-- round trips. Each statement reads as of its own start (a VOLATILE function), so what a
-- statement finds after a lock wait includes what the lock's holder committed.
CREATE OR REPLACE FUNCTION assignment_review_next(p_lesson uuid, p_enrollment uuid, p_now timestamptz)
RETURNS TABLE (outcome text, review_id uuid, submission_id uuid, body text, lease_expires_at timestamptz)
LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  v_cohort text;
  v_needed int;
  v_lease_minutes int;
  v_examples int;
  v_calibrated int;
  v_candidate uuid;
  v_tried uuid[] := '{}';
  v_review uuid;
  v_body text;
  v_expires timestamptz;
  v_lock_timeout text;
BEGIN
  -- Expired leases of this assignment go back to the pool: each stops counting in its
  -- submission's reviews_live. Only submissions lockable at once (SKIP LOCKED); every lease of
  -- a submission changes under its row lock, and a held one is released by the next call.
  WITH expired AS (
    SELECT r.id FROM assignment_reviews r
    JOIN assignment_submissions s ON s.id = r.submission_id
    WHERE r.lesson_id = p_lesson AND r.submitted_at IS NULL AND r.released_at IS NULL
      AND r.lease_expires_at <= p_now
    FOR UPDATE OF s SKIP LOCKED
  ), released AS (
    UPDATE assignment_reviews r SET released_at = p_now
    FROM expired x WHERE r.id = x.id
    RETURNING r.submission_id
  )
  UPDATE assignment_submissions s SET reviews_live = s.reviews_live - c.n
  FROM (SELECT released.submission_id, count(*)::int AS n FROM released GROUP BY 1) c
  WHERE s.id = c.submission_id;

  -- One reviewer's calls run one at a time.
  PERFORM 1 FROM enrollments e
  WHERE e.id = p_enrollment AND e.unenrolled_at IS NULL
  FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_enrolled'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz;
    RETURN;
  END IF;

  SELECT s.cohort INTO v_cohort FROM assignment_submissions s
  WHERE s.lesson_id = p_lesson AND s.enrollment_id = p_enrollment;
  IF v_cohort IS NULL THEN
    RETURN QUERY SELECT 'submit_first'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz;
    RETURN;
  END IF;

  -- A live lease of theirs is handed back: at most one per reviewer per assignment.
  RETURN QUERY
    SELECT 'resumed'::text, r.id, r.submission_id, s.body, r.lease_expires_at
    FROM assignment_reviews r JOIN assignment_submissions s ON s.id = r.submission_id
    WHERE r.lesson_id = p_lesson AND r.reviewer_enrollment_id = p_enrollment
      AND r.submitted_at IS NULL AND r.lease_expires_at > p_now
      AND s.status IN ('submitted', 'in_review')
    LIMIT 1;
  IF FOUND THEN RETURN; END IF;

  SELECT count(*) INTO v_examples FROM assignment_examples x WHERE x.lesson_id = p_lesson;
  SELECT count(*) INTO v_calibrated FROM assignment_calibrations c
  WHERE c.lesson_id = p_lesson AND c.enrollment_id = p_enrollment;
  IF v_calibrated < v_examples THEN
    RETURN QUERY SELECT 'calibrate_first'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz;
    RETURN;
  END IF;

  SELECT coalesce(a.reviews_needed, 3), coalesce(a.lease_minutes, 480)
  INTO v_needed, v_lease_minutes
  FROM (SELECT 1) one LEFT JOIN assignments a ON a.lesson_id = p_lesson;
  v_expires := p_now + make_interval(mins => v_lease_minutes);

  FOR attempt IN 1..5 LOOP
    v_candidate := NULL;
    -- A submission whose lease this reviewer let expire comes first, so the review they kept
    -- in the form can still go in (against the new lease).
    IF attempt = 1 THEN
      SELECT s.id INTO v_candidate
      FROM assignment_reviews r JOIN assignment_submissions s ON s.id = r.submission_id
      WHERE r.lesson_id = p_lesson AND r.reviewer_enrollment_id = p_enrollment
        AND r.submitted_at IS NULL AND r.lease_expires_at <= p_now
        AND s.status IN ('submitted', 'in_review') AND s.review_deadline > p_now
        AND s.reviews_live - (CASE WHEN r.released_at IS NULL THEN 1 ELSE 0 END) < v_needed
      ORDER BY r.lease_expires_at DESC
      LIMIT 1
      FOR UPDATE OF s SKIP LOCKED;
    END IF;
    -- Then the fewest live reviews, then the oldest: an index walk
    -- (assignment_submissions_review_queue_idx) that stops at the first that qualifies.
    -- SKIP LOCKED spreads concurrent reviewers over the pool.
    IF v_candidate IS NULL THEN
      SELECT s.id INTO v_candidate FROM assignment_submissions s
      WHERE s.lesson_id = p_lesson AND s.cohort = v_cohort
        AND s.status IN ('submitted', 'in_review') AND s.reviews_live < v_needed
        AND s.enrollment_id <> p_enrollment AND s.review_deadline > p_now
        AND NOT EXISTS (SELECT 1 FROM assignment_reviews r
          WHERE r.submission_id = s.id AND r.reviewer_enrollment_id = p_enrollment)
        AND s.id <> ALL (v_tried)
      ORDER BY s.reviews_live, s.submitted_at, s.id
      LIMIT 1
      FOR UPDATE OF s SKIP LOCKED;
    END IF;
    -- Every candidate left is held by another call (a scarce pool): queue for the best one,
    -- boundedly, rather than turn the reviewer away from work that is there. The lock re-checks
    -- reviews_live on the row as it is now, so one that filled up meanwhile is passed over. The
    -- wait is shorter than deadlock_timeout, so one that could never end gives up quietly.
    IF v_candidate IS NULL THEN
      v_lock_timeout := current_setting('lock_timeout');
      PERFORM set_config('lock_timeout', '500ms', true);
      BEGIN
        SELECT s.id INTO v_candidate FROM assignment_submissions s
        WHERE s.lesson_id = p_lesson AND s.cohort = v_cohort
          AND s.status IN ('submitted', 'in_review') AND s.reviews_live < v_needed
          AND s.enrollment_id <> p_enrollment AND s.review_deadline > p_now
          AND NOT EXISTS (SELECT 1 FROM assignment_reviews r
            WHERE r.submission_id = s.id AND r.reviewer_enrollment_id = p_enrollment)
          AND s.id <> ALL (v_tried)
        ORDER BY s.reviews_live, s.submitted_at, s.id
        LIMIT 1
        FOR UPDATE OF s;
      EXCEPTION WHEN lock_not_available THEN
        v_candidate := NULL;
      END;
      PERFORM set_config('lock_timeout', v_lock_timeout, true);
    END IF;
    EXIT WHEN v_candidate IS NULL;
    v_tried := v_tried || v_candidate;

    -- Under the lock: release its other expired leases, and lease it if the live reviews
    -- (submitted, and leases unexpired) leave room — the reviewer's own expired lease renewed
    -- in place — with reviews_live set from the rows, exact whatever happened before.
    UPDATE assignment_reviews r SET released_at = p_now
    WHERE r.submission_id = v_candidate AND r.submitted_at IS NULL AND r.released_at IS NULL
      AND r.lease_expires_at <= p_now AND r.reviewer_enrollment_id <> p_enrollment;
    v_review := NULL;
    IF (SELECT count(*) FROM assignment_reviews r
        WHERE r.submission_id = v_candidate
          AND (r.submitted_at IS NOT NULL OR (r.released_at IS NULL AND r.lease_expires_at > p_now))
       ) < v_needed THEN
      INSERT INTO assignment_reviews AS r
        (submission_id, lesson_id, reviewer_enrollment_id, leased_at, lease_expires_at)
      VALUES (v_candidate, p_lesson, p_enrollment, p_now, v_expires)
      ON CONFLICT ON CONSTRAINT assignment_reviews_submission_id_reviewer_unique DO UPDATE
        SET leased_at = excluded.leased_at, lease_expires_at = excluded.lease_expires_at,
          released_at = NULL
        WHERE r.submitted_at IS NULL
      RETURNING r.id INTO v_review;
    END IF;
    UPDATE assignment_submissions s
    SET reviews_live = (SELECT count(*) FROM assignment_reviews r
        WHERE r.submission_id = v_candidate
          AND (r.submitted_at IS NOT NULL OR r.released_at IS NULL)),
      status = CASE WHEN s.status = 'submitted' AND v_review IS NOT NULL
        THEN 'in_review'::assignment_submission_status ELSE s.status END
    WHERE s.id = v_candidate
    RETURNING s.body INTO v_body;
    IF v_review IS NOT NULL THEN
      RETURN QUERY SELECT 'leased'::text, v_review, v_candidate, v_body, v_expires;
      RETURN;
    END IF;
  END LOOP;
  RETURN QUERY SELECT 'none_available'::text, NULL::uuid, NULL::uuid, NULL::text, NULL::timestamptz;
END
$fn$;
