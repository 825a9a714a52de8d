// Import rules that hold the architecture (STYLE.md): sim-core runs in a browser and knows no
// app; apps reach sim-core and charts only through their index; no app imports another app.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "sim-core-is-pure",
      comment: "sim-core runs unchanged in a Web Worker: no Node built-in module (fs, path, process…).",
      severity: "error",
      from: { path: "^packages/sim-core/src/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "sim-core-knows-no-app",
      comment: "Dependencies point one way: apps → packages. sim-core imports nothing from the apps.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "apps-use-package-index",
      comment:
        "Apps import a package through its index (@syslab/sim-core), never a file deep inside it; the one other entry is the browser half of the topology animation, which its package's exports map declares (@syslab/charts/topology-player).",
      severity: "error",
      from: { path: "^apps/" },
      to: {
        path: "^packages/[^/]+/src/",
        pathNot: ["^packages/[^/]+/src/index\\.ts$", "^packages/charts/src/topology-player\\.ts$"],
      },
    },
    {
      name: "no-app-imports-another-app",
      comment: "Apps share code through packages, not by importing each other's internals.",
      severity: "error",
      from: { path: "^apps/([^/]+)/" },
      to: { path: "^apps/", pathNot: "^apps/$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"] },
    exclude: { path: ["node_modules", "/dist/", "\\.astro/"] },
  },
};
