/** Seconds shown as milliseconds with about four significant digits, the unit latency is read in. */
export function milliseconds(seconds: number): string {
  const ms = seconds * 1000;
  const size = Math.abs(ms);
  if (size === 0) return "0";
  if (size >= 100) return ms.toFixed(1);
  if (size >= 10) return ms.toFixed(2);
  if (size >= 1) return ms.toFixed(3);
  return ms.toPrecision(3);
}
