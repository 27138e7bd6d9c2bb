ALTER TYPE "public"."privacy_audit_kind" ADD VALUE 'export_downloaded';--> statement-breakpoint
ALTER TABLE "privacy_audit_log" ALTER COLUMN "retirement_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_audit_log" ADD COLUMN "export_id" uuid;--> statement-breakpoint
ALTER TABLE "privacy_audit_log" ADD CONSTRAINT "privacy_audit_log_one_subject" CHECK (("privacy_audit_log"."retirement_id" is null) <> ("privacy_audit_log"."export_id" is null));