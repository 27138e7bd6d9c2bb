import { createDatabase } from "../client";
import { migrate } from "../migrate";
import { seed, seedDemoActivity } from "../seed";
import { databaseConfigFromProcessEnv } from "./env";

const client = createDatabase(databaseConfigFromProcessEnv());
try {
  await migrate(client);
  const result = await seed(client.db);
  // The demo course's certificates come from the issuing job, which `pnpm dev` enqueues.
  const activity = await seedDemoActivity(client.db, "seed-instructor");
  console.log(
    `seeded: ${result.usersCreated} users, ${result.coursesCreated} courses (${client.driver})`,
  );
  if (activity.created) {
    console.log(
      `demo activity: ${activity.learners} learners, ${activity.events} progress events, ${activity.attempts} quiz attempts`,
    );
  }
} finally {
  await client.close();
}
