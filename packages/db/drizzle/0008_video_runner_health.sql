CREATE TABLE "runner_capabilities" (
	"runner_id" text NOT NULL,
	"capability" text NOT NULL,
	"available" boolean NOT NULL,
	"reason" text,
	"detail" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "runner_capabilities_runner_id_capability_pk" PRIMARY KEY("runner_id","capability"),
	CONSTRAINT "runner_capabilities_reason_check" CHECK ("runner_capabilities"."available" or "runner_capabilities"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "last_error_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "failed_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "video_assets" ADD COLUMN "max_attempts" integer;--> statement-breakpoint
CREATE INDEX "runner_capabilities_capability_heartbeat_at_idx" ON "runner_capabilities" USING btree ("capability","heartbeat_at");