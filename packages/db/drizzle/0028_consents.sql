CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"purpose" text NOT NULL,
	"policy_version" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_purpose_slug" CHECK ("consents"."purpose" ~ '^[a-z][a-z0-9_]{1,47}$'),
	CONSTRAINT "consents_policy_version_length" CHECK (length("consents"."policy_version") between 1 and 40),
	CONSTRAINT "consents_withdrawn_after_granted" CHECK ("consents"."withdrawn_at" is null or "consents"."withdrawn_at" >= "consents"."granted_at")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_user_id_granted_at_idx" ON "consents" USING btree ("user_id","granted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_user_id_purpose_open_idx" ON "consents" USING btree ("user_id","purpose") WHERE "consents"."withdrawn_at" is null;