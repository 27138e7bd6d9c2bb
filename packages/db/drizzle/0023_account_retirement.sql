CREATE TYPE "public"."account_retirement_state" AS ENUM('pending', 'cancelled', 'running', 'completed');--> statement-breakpoint
CREATE TYPE "public"."privacy_audit_kind" AS ENUM('deletion_requested', 'deletion_cancelled', 'retirement_started', 'retirement_completed');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'account_deletion';--> statement-breakpoint
CREATE TABLE "account_retirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"state" "account_retirement_state" DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"step" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "privacy_audit_kind" NOT NULL,
	"retirement_id" uuid NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificates" ALTER COLUMN "credential" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_retirements" ADD CONSTRAINT "account_retirements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_audit_log" ADD CONSTRAINT "privacy_audit_log_retirement_id_account_retirements_id_fk" FOREIGN KEY ("retirement_id") REFERENCES "public"."account_retirements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_retirements_state_scheduled_for_idx" ON "account_retirements" USING btree ("state","scheduled_for");--> statement-breakpoint
CREATE INDEX "account_retirements_user_id_idx" ON "account_retirements" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_retirements_user_id_open_idx" ON "account_retirements" USING btree ("user_id") WHERE "account_retirements"."state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "privacy_audit_log_retirement_id_idx" ON "privacy_audit_log" USING btree ("retirement_id","at");