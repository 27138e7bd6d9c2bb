/** Live updates: events published in a transaction, delivered to subscribers on commit. */
export { LIVE_CHANNEL, type LiveEvent, type LiveTopic, publishLive } from "./publish";
