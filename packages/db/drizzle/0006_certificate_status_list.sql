-- Issue 9: revocation status lists (ADR 0008). Generated as 0006 by drizzle-kit and renamed to the
-- assigned tag 0007_certificate_status_list; the lead renumbers migrations when merging.
CREATE SEQUENCE "public"."certificate_status_index_seq" INCREMENT BY 1 MINVALUE 0 MAXVALUE 9223372036854775807 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE TABLE "certificate_status_lists" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"credential" text,
	"signed_version" integer DEFAULT 0 NOT NULL,
	"published_version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_status_lists_id_check" CHECK ("certificate_status_lists"."id" >= 1)
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "status_list_index" integer;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_status_list_index_unique" UNIQUE("status_list_index");