import { defineConfig } from "vitest/config";
import { databaseTestOptions } from "../../vitest.database";

export default defineConfig({ test: databaseTestOptions });
