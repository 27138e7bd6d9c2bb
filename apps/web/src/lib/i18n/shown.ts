import { i18n, type MessageDescriptor } from "@lingui/core";

/**
 * A label that may be a message descriptor (translated here, during render) or a plain string
 * (already final): for maps that move to `msg` one folder at a time.
 */
export function shown(label: string | MessageDescriptor): string {
  return typeof label === "string" ? label : i18n._(label);
}
