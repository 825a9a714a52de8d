import { widgetModels } from "../../apps/docs/src/widgets/registry";
const cases: [string, Record<string, unknown>][] = [
  ["hockey-stick", {}], ["hockey-stick", { service: "hyperexp", servers: 4 }], ["hockey-stick", { service: "constant" }],
  ["threads-vs-cores", {}], ["threads-vs-cores", { cores: 4, contextSwitch: "100us" }],
  ["architectures", {}], ["architectures", { cpu: 20 }], ["architectures", { cpu: 5, io: 100 }],
  ["overload", {}], ["overload", { front: "thread-pool", poolQueue: 200 }], ["overload", { backlog: 8, onOverflow: "reset" }],
  ["connection-pools", {}], ["connection-pools", { poolSize: 4 }],
];
for (const [name, p] of cases) {
  const m = widgetModels[name]!;
  const t = performance.now();
  const v = m.compute({ ...m.defaults, ...p } as never);
  console.log(name, JSON.stringify(p), (performance.now() - t).toFixed(0), "ms", v.numbers.map((n) => `${n.id}=${n.text}`).join(" "));
}
