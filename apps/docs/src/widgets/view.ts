// What a widget shows for one set of parameters: computed at build time and in the Worker alike.

export type ParamValue = number | string;
export type Params = Record<string, ParamValue>;

export interface ChartSeries {
  name: string;
  points: [number, number][];
  /** "points" draws markers only (simulated samples); "line" joins them (theory, sweeps). */
  style: "line" | "points";
  /** Drawn heavier: the series the chosen run belongs to. */
  emphasis?: boolean;
}

export interface ChartSpec {
  title: string;
  /**
   * The chart's text alternative: a sentence or two stating what it shows for these parameters
   * (where the curve bends, which line wins, the figure of the chosen run), with the numbers.
   */
  summary: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
}

export interface KeyNumber {
  id: string;
  label: string;
  value: number;
  text: string;
  /**
   * The field of the chosen run's result this number is ("latency.p99", "components.web.cpu.useful"),
   * when it is one: a shared run must show the same figure there.
   */
  field?: string;
}

export interface DataTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** A chart and the data table that lists its points. */
export interface WidgetFigure {
  chart: ChartSpec;
  table: DataTable;
}

export interface WidgetView {
  chart: ChartSpec;
  table: DataTable;
  /** Further figures, shown after the first (a timeline beside a sweep, say). */
  extraFigures?: WidgetFigure[];
  numbers: KeyNumber[];
  /** The one scenario the key numbers come from: what "Share" stores and "Copy as curl" posts. */
  scenario: unknown;
}

/** A widget's model: turns parameters into a view by running sim-core. */
export interface WidgetModel {
  name: string;
  defaults: Params;
  compute(params: Params): WidgetView;
}
