// The public surface of @syslab/charts: server-side SVG charts with no DOM, for share pages and docs,
// and the DOM-free half of the topology animation (its browser half is ./topology-player).

export { type Bar, type BarChartOptions, barChartSvg } from "./bar-chart";
export { escapeXml } from "./escape-xml";
export { formatValue, type ValueFormat } from "./format-value";
export { type BarSeries, type GroupedBarChartOptions, groupedBarChartSvg } from "./grouped-bar-chart";
export { type LineChartOptions, type LineSeries, lineChartSvg } from "./line-chart";
export { niceTicks, type Ticks } from "./nice-ticks";
export {
  type FrameState,
  frameAt,
  frameState,
  STAY_AFTER_ANSWER,
  STAY_COMPLETED,
  STAY_FAILED,
  stepTime,
  type TopologyFrames,
  topologyFrames,
} from "./topology-frames";
export { scenarioWiring, type TopologyLayout, type TopologyNode, topologyLayout } from "./topology-layout";
export { topologySvg } from "./topology-svg";
export { type TraceFiguresInput, traceFiguresHtml } from "./trace-figures";
export type { TracedRequest, TracedSpan } from "./traced-request";
export { slowestRequest, waterfallLayout } from "./waterfall-layout";
