ALTER TYPE "public"."notification_kind" ADD VALUE 'forum_reply';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'forum_followed_reply';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'forum_mention';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'forum_answer_accepted';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'forum_moderation';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'grade';