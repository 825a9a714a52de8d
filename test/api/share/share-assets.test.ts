// The share page's scripts are committed as JavaScript compiled from their TypeScript: each must be
// exactly what its source compiles to now (rewrite them with UPDATE_SHARE_ASSETS=1), and the API
// serves them as JavaScript, unknown names as 404.
import { readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { shareAssetSources } from "../../../apps/api/src/share/share-assets";
import { testAppForThisTest } from "../support/test-app";

const root = new URL("../../../", import.meta.url);

/** The module specifiers the TypeScript uses and the served files they name. */
const specifiers: Record<string, string> = {
  "./topology-frames": "./topology-frames.js",
  "@syslab/charts/topology-player": "./topology-player.js",
};

function compiled(source: string): string {
  const { outputText } = ts.transpileModule(readFileSync(new URL(source, root), "utf8"), {
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
      removeComments: false,
    },
  });
  const linked = outputText.replace(/from "([^"]+)"/g, (_whole, name: string) => {
    const target = specifiers[name];
    if (target === undefined) throw new Error(`${source} imports ${name}, which is not served`);
    return `from "${target}"`;
  });
  return `// Compiled from ${source}: edit that, then run UPDATE_SHARE_ASSETS=1 npx vitest run test/api/share/share-assets.test.ts\n${linked}`;
}

describe("the share page's scripts", () => {
  for (const [name, source] of Object.entries(shareAssetSources)) {
    test(`${name} is ${source} compiled`, () => {
      const file = new URL(`apps/api/src/share/assets/${name}`, root);
      const expected = compiled(source);
      if (process.env.UPDATE_SHARE_ASSETS) writeFileSync(file, expected);
      expect(readFileSync(file, "utf8")).toBe(expected);
    });
  }

  test("are served as JavaScript, and other names are not found", async () => {
    const t = testAppForThisTest();
    const res = await t.app.request("/r/assets/topology-frames.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await res.text()).toBe(
      readFileSync(new URL("apps/api/src/share/assets/topology-frames.js", root), "utf8"),
    );
    expect((await t.app.request("/r/assets/share-assets.ts")).status).toBe(404);
  });
});
