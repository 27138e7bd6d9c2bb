import { createDatabase } from "../client";
import { migrate } from "../migrate";
import { seed } from "../seed";
import { databaseConfigFromProcessEnv } from "./env";

const client = createDatabase(databaseConfigFromProcessEnv());
try {
  await migrate(client);
  const result = await seed(client.db);
  console.log(
    `seeded: ${result.usersCreated} users, ${result.coursesCreated} courses (${client.driver})`,
  );
} finally {
  await client.close();
}
