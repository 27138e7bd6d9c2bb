export { CloseCode } from "./bridge";
export { type NeonWsProxy, type NeonWsProxyOptions, startNeonWsProxy } from "./proxy";
