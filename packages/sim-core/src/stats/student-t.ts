/**
 * Quantiles of Student's t distribution, for confidence intervals from a few dozen batches.
 * Uses the Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5);
 * for 20 or more degrees of freedom it agrees with tables to about 1e-4.
 */

/** The standard normal quantile at p = 0.975. */
const Z_975 = 1.959963984540054;

/** t_{0.975, df}: the two-sided 95% critical value. */
export function studentT975(df: number): number {
  const z = Z_975;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  const z9 = z7 * z * z;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}
