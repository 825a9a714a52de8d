/**
 * Places legend entries left to right, each as wide as its label, wrapping to a new row when the
 * next one would pass the plot's right edge — so long series names are never cut off.
 */

/** SVG has no text measurement without a DOM; 0.6 em per glyph is a safe average for sans-serif. */
const GLYPH_WIDTH = 12 * 0.6;
const SWATCH = 18; // the colour mark and the gap after it
const GAP = 24; // between entries

export interface LegendEntryPosition {
  x: number;
  row: number;
}

export function legendLayout(names: readonly string[], left: number, right: number): LegendEntryPosition[] {
  const positions: LegendEntryPosition[] = [];
  let x = left;
  let row = 0;
  for (const name of names) {
    const width = SWATCH + name.length * GLYPH_WIDTH;
    if (x > left && x + width > right) {
      row++;
      x = left;
    }
    positions.push({ x, row });
    x += width + GAP;
  }
  return positions;
}

export function legendRows(positions: readonly LegendEntryPosition[]): number {
  return positions.length === 0 ? 0 : positions[positions.length - 1]!.row + 1;
}
