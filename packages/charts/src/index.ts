// The public surface of @syslab/charts: server-side SVG charts with no DOM, for share pages and docs.

export { type Bar, type BarChartOptions, barChartSvg } from "./bar-chart";
export { escapeXml } from "./escape-xml";
export { formatValue, type ValueFormat } from "./format-value";
export { type BarSeries, type GroupedBarChartOptions, groupedBarChartSvg } from "./grouped-bar-chart";
export { type LineChartOptions, type LineSeries, lineChartSvg } from "./line-chart";
export { niceTicks, type Ticks } from "./nice-ticks";
export { type TraceFiguresInput, traceFiguresHtml } from "./trace-figures";
export { slowestRequest, type TracedRequest, waterfallLayout } from "./waterfall-layout";
