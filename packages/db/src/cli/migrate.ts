import { createDatabase } from "../client";
import { migrate } from "../migrate";
import { databaseConfigFromProcessEnv } from "./env";

const client = createDatabase(databaseConfigFromProcessEnv());
try {
  await migrate(client);
  console.log(`migrations applied (${client.driver})`);
} finally {
  await client.close();
}
