// The share page's scripts, as served from /r/assets/: the topology animation's ES modules, compiled
// from their TypeScript (packages/charts/src/topology-*.ts, share/browser/topology-animation.ts) into
// share/assets/ and committed, so the API serves them without a bundler at run time;
// test/api/share/share-assets.test.ts fails when a file there no longer matches its source.

import { readFileSync } from "node:fs";

/** Each served file and the TypeScript it is compiled from (relative to the repository's root). */
export const shareAssetSources: Readonly<Record<string, string>> = {
  "topology-animation.js": "apps/api/src/share/browser/topology-animation.ts",
  "topology-player.js": "packages/charts/src/topology-player.ts",
  "topology-frames.js": "packages/charts/src/topology-frames.ts",
};

/** The served scripts' names. */
export const shareAssetNames = Object.keys(shareAssetSources);

const assets = new Map(
  Object.keys(shareAssetSources).map((name) => [
    name,
    readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8"),
  ]),
);

/** A served script's text, or undefined for a name that is not one. */
export function shareAsset(name: string): string | undefined {
  return assets.get(name);
}
