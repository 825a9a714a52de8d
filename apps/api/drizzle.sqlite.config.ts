// drizzle-kit settings for the SQLite migrations (the embedded server): written to drizzle/sqlite/.

import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/sqlite/schema.ts",
  out: "../../drizzle/sqlite",
});
