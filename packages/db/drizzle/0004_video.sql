CREATE TYPE "public"."rendition_status" AS ENUM('pending', 'processing', 'ready');--> statement-breakpoint
CREATE TYPE "public"."video_status" AS ENUM('uploading', 'queued', 'processing', 'ready', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "playback_positions" (
	"user_id" text NOT NULL,
	"lesson_id" uuid NOT NULL,
	"position_seconds" real DEFAULT 0 NOT NULL,
	"watched_seconds" real DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playback_positions_user_id_lesson_id_pk" PRIMARY KEY("user_id","lesson_id"),
	CONSTRAINT "playback_positions_position_seconds_check" CHECK ("playback_positions"."position_seconds" >= 0),
	CONSTRAINT "playback_positions_watched_seconds_check" CHECK ("playback_positions"."watched_seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "video_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"uploaded_by" text NOT NULL,
	"status" "video_status" DEFAULT 'uploading' NOT NULL,
	"failure_reason" text,
	"original_filename" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"probe" jsonb,
	"duration_seconds" real,
	"width" integer,
	"height" integer,
	"poster_path" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_at" timestamp with time zone,
	"processing_started_at" timestamp with time zone,
	"playable_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_assets_byte_size_check" CHECK ("video_assets"."byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "video_captions" (
	"asset_id" uuid NOT NULL,
	"language" text NOT NULL,
	"label" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_captions_asset_id_language_pk" PRIMARY KEY("asset_id","language")
);
--> statement-breakpoint
CREATE TABLE "video_renditions" (
	"asset_id" uuid NOT NULL,
	"name" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bandwidth" integer NOT NULL,
	"status" "rendition_status" DEFAULT 'pending' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"path" text,
	"codecs" text,
	"ready_at" timestamp with time zone,
	CONSTRAINT "video_renditions_asset_id_name_pk" PRIMARY KEY("asset_id","name"),
	CONSTRAINT "video_renditions_progress_check" CHECK ("video_renditions"."progress" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "is_preview" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "video_asset_id" uuid;--> statement-breakpoint
ALTER TABLE "playback_positions" ADD CONSTRAINT "playback_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playback_positions" ADD CONSTRAINT "playback_positions_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_assets" ADD CONSTRAINT "video_assets_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_assets" ADD CONSTRAINT "video_assets_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_assets" ADD CONSTRAINT "video_assets_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_captions" ADD CONSTRAINT "video_captions_asset_id_video_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_renditions" ADD CONSTRAINT "video_renditions_asset_id_video_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."video_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "playback_positions_lesson_id_idx" ON "playback_positions" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "video_assets_lesson_id_idx" ON "video_assets" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "video_assets_course_id_idx" ON "video_assets" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "video_assets_uploaded_by_idx" ON "video_assets" USING btree ("uploaded_by");--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_video_asset_id_video_assets_id_fk" FOREIGN KEY ("video_asset_id") REFERENCES "public"."video_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lessons_video_asset_id_idx" ON "lessons" USING btree ("video_asset_id");