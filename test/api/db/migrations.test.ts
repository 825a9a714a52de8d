// The committed migrations are what drizzle-kit generates from the schemas: for each dialect,
// generating again into a copy of drizzle/<dialect>/ finds nothing to add.

import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const apiDir = join(repo, "apps/api");

test.each([
  ["sqlite", "sqlite"],
  ["postgresql", "postgres"],
])("drizzle/%s migrations match the schema", (dialect, folder) => {
  const tmp = mkdtempSync(join(tmpdir(), "syslab-migrations-"));
  try {
    const out = join(tmp, folder);
    cpSync(join(repo, "drizzle", folder), out, { recursive: true });
    const before = readdirSync(out).sort();
    const config = join(tmp, "drizzle.config.ts");
    const schema = join(apiDir, `src/db/${folder}/schema.ts`);
    // drizzle-kit reads `out` relative to the folder it runs in.
    writeFileSync(
      config,
      `export default ${JSON.stringify({ dialect, schema, out: relative(apiDir, out) })};\n`,
    );
    const output = execFileSync(
      join(repo, "node_modules/.bin/drizzle-kit"),
      ["generate", "--config", config],
      {
        cwd: apiDir,
        encoding: "utf8",
      },
    );
    expect(output).toContain("No schema changes");
    expect(readdirSync(out).sort()).toEqual(before);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
