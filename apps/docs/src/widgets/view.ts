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
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
}

export interface KeyNumber {
  id: string;
  label: string;
  value: number;
  text: string;
}

export interface DataTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export interface WidgetView {
  chart: ChartSpec;
  table: DataTable;
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
