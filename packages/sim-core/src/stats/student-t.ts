/**
 * Quantiles of Student's t distribution, for confidence intervals from a few dozen batches.
 * Uses the Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5);
 * for 20 or more degrees of freedom it agrees with tables to about 1e-4. For a handful of
 * replications (few degrees of freedom) it is too coarse: `tableStudentT975` reads a table there.
 */

/** t_{0.975, df} for df = 1…30 (any statistics table, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2). */
const T975_TABLE = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/** The standard normal quantile at p = 0.975. */
const Z_975 = 1.959963984540054;

/** t_{0.975, df}, exact to 9 digits for df ≤ 30 and by the expansion beyond (within 1e-4 there). */
export function tableStudentT975(df: number): number {
  if (Number.isInteger(df) && df >= 1 && df <= T975_TABLE.length) return T975_TABLE[df - 1]!;
  return studentT975(df);
}

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
