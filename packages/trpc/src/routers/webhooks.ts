import {
  createWebhookEndpoint,
  createWebhookInput,
  deleteWebhookEndpoint,
  listWebhookAttempts,
  listWebhookDeliveries,
  listWebhookEndpoints,
  listWebhooksInput,
  redeliverWebhook,
  revealWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
  updateWebhookInput,
  webhookDeliveriesInput,
  webhookDeliveryIdInput,
  webhookEndpointIdInput,
} from "@lumen/core/webhooks";
import { protectedProcedure, router } from "../trpc";

/**
 * Webhook endpoints (the caller's own events, or a course's with `courseId`), their delivery
 * log, redelivery and test sends. Owners manage their endpoints; a course's endpoints are also
 * visible to its other instructors and admins. Delivery itself is a job (webhooks.deliver).
 */
export const webhooksRouter = router({
  list: protectedProcedure
    .input(listWebhooksInput)
    .query(({ ctx, input }) => listWebhookEndpoints({ ...ctx, input })),
  create: protectedProcedure
    .input(createWebhookInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint({ ...ctx, input })),
  update: protectedProcedure
    .input(updateWebhookInput)
    .mutation(({ ctx, input }) => updateWebhookEndpoint({ ...ctx, input })),
  delete: protectedProcedure
    .input(webhookEndpointIdInput)
    .mutation(({ ctx, input }) => deleteWebhookEndpoint({ ...ctx, input })),
  revealSecret: protectedProcedure
    .input(webhookEndpointIdInput)
    .mutation(({ ctx, input }) => revealWebhookSecret({ ...ctx, input })),
  deliveries: protectedProcedure
    .input(webhookDeliveriesInput)
    .query(({ ctx, input }) => listWebhookDeliveries({ ...ctx, input })),
  attempts: protectedProcedure
    .input(webhookDeliveryIdInput)
    .query(({ ctx, input }) => listWebhookAttempts({ ...ctx, input })),
  redeliver: protectedProcedure
    .input(webhookDeliveryIdInput)
    .mutation(({ ctx, input }) => redeliverWebhook({ ...ctx, input })),
  sendTest: protectedProcedure
    .input(webhookEndpointIdInput)
    .mutation(({ ctx, input }) => sendWebhookTest({ ...ctx, input })),
});
