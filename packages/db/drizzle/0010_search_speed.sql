CREATE TABLE "search_broad_cells" (
	"query_id" integer NOT NULL,
	"category" text NOT NULL,
	"level" "course_level" NOT NULL,
	"language" text NOT NULL,
	"tenths" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "search_broad_cells_query_id_category_level_language_tenths_pk" PRIMARY KEY("query_id","category","level","language","tenths")
);
--> statement-breakpoint
CREATE TABLE "search_broad_hits" (
	"query_id" integer NOT NULL,
	"course_id" uuid NOT NULL,
	"rank" real NOT NULL,
	"enrollment_count" integer NOT NULL,
	"category" text NOT NULL,
	"level" "course_level" NOT NULL,
	"language" text NOT NULL,
	"rating_average" real NOT NULL,
	CONSTRAINT "search_broad_hits_query_id_course_id_pk" PRIMARY KEY("query_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "search_broad_queries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_broad_queries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tsquery" text NOT NULL,
	"matches" integer NOT NULL,
	"floor_rank" real,
	"floor_enrollments" integer,
	"floor_course_id" uuid,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_broad_queries_tsquery_unique" UNIQUE("tsquery")
);
--> statement-breakpoint
ALTER TABLE "search_broad_cells" ADD CONSTRAINT "search_broad_cells_query_id_search_broad_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."search_broad_queries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_broad_hits" ADD CONSTRAINT "search_broad_hits_query_id_search_broad_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."search_broad_queries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_broad_hits" ADD CONSTRAINT "search_broad_hits_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_broad_hits_order_idx" ON "search_broad_hits" USING btree ("query_id","rank" desc,"enrollment_count" desc,"course_id");--> statement-breakpoint
CREATE INDEX "search_broad_hits_course_idx" ON "search_broad_hits" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "course_search_rating_idx" ON "course_search" USING btree ("rating_average" desc,"course_id");--> statement-breakpoint
CREATE INDEX "course_search_enrollments_idx" ON "course_search" USING btree ("enrollment_count" desc,"course_id");--> statement-breakpoint
CREATE INDEX "course_search_newest_idx" ON "course_search" USING btree ("published_at" desc nulls last,"course_id");