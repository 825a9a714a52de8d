// drizzle-kit settings for the Postgres migrations (replicas and workers): written to drizzle/postgres/.

import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/postgres/schema.ts",
  out: "../../drizzle/postgres",
});
