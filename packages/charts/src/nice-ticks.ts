// Chooses axis ticks at "nice" steps (1, 2, 2.5 or 5 times a power of ten) covering a range.

export interface Ticks {
  min: number;
  max: number;
  step: number;
  values: number[];
}

const niceFractions = [1, 2, 2.5, 5, 10];

/** Ticks spanning [low, high] with about `target` intervals; the axis is widened to whole steps. */
export function niceTicks(low: number, high: number, target = 5): Ticks {
  let lo = Number.isFinite(low) ? low : 0;
  let hi = Number.isFinite(high) ? high : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    // A flat series still needs an axis: open it around the value (or [0, 1] for zero).
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.5;
    hi = lo + pad;
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
  }
  const rough = (hi - lo) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = magnitude * niceFractions.find((f) => f * magnitude >= rough)!;
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const values: number[] = [];
  const count = Math.round((max - min) / step);
  // Multiplying instead of accumulating keeps 0.1 + 0.2-style drift out of the labels.
  for (let i = 0; i <= count; i++) values.push(roundTo(min + i * step, step));
  return { min, max, step, values };
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(value.toFixed(Math.min(decimals, 15)));
}
