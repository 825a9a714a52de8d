/** Rounds result numbers to 9 significant digits, so results read well and stay byte-stable. */
export function round(x: number): number {
  if (!Number.isFinite(x)) return 0;
  if (x === 0) return 0; // also turns −0 into 0
  return Number(x.toPrecision(9));
}
