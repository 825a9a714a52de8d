// drizzle-kit settings: `npm run db:generate -w @syslab/api` writes migrations to the top-level drizzle/.

import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "../../drizzle",
});
