import { customType } from "drizzle-orm/pg-core";

/** Postgres full-text document; written with SQL (to_tsvector), never parsed in JS. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
