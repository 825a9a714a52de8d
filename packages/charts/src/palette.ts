// Series colours: a colour-blind-safe set (Okabe & Ito, 2008) with enough contrast on white.
// Every element also carries a class (chart-bg, chart-text, chart-muted, chart-grid, chart-axis,
// chart-series-N): a page that inlines a chart can restyle it, e.g. for a dark theme, because CSS
// overrides SVG presentation attributes; a standalone SVG keeps the colours below.

export const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

export const ink = { text: "#1f2328", muted: "#57606a", grid: "#d8dee4", axis: "#8c959f" };
