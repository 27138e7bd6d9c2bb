-- progress_events loses its foreign key to enrollments (ADR 0029): the write checks the
-- enrollment in the statement that inserts, nothing deletes enrollments, and retirement deletes
-- a learner's events itself; the check cost ~3 µs of Postgres CPU per event.
ALTER TABLE "progress_events" DROP CONSTRAINT "progress_events_enrollment_id_enrollments_id_fk";
