/** Live updates: events published in a transaction, delivered to subscribers on commit. */
export { createLiveHub, type LiveHub, type LiveHubOptions, type LiveSignal } from "./hub";
export { LIVE_CHANNEL, type LiveEvent, type LiveTopic, publishLive } from "./publish";
