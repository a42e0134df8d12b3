/**
 * The variance of a mean of serially correlated samples, from an AR(1) fit. Per-step metrics
 * are correlated by construction (a rate() window longer than the step shares samples), and
 * treating them as independent underestimates the variance of their mean several times over.
 */

export interface SerialMean {
  mean: number
  /** Variance of the mean. */
  variance: number
  /** The lag-1 autocorrelation used: bias-corrected, plus one standard error, in [0, MAX_PHI]. */
  phi: number
  /** n / (variance inflation): how many independent samples the mean is worth. */
  effectiveSamples: number
}

/** Beyond this the AR(1) model cannot tell a slow process from a level: no credit for more. */
export const MAX_PHI = 0.95

/**
 * n Var(mean) / sigma^2 for a stationary AR(1): 1 + 2 sum_{k<n} (1 - k/n) phi^k in closed form.
 * Tends to (1 + phi) / (1 - phi) for large n.
 */
export function ar1VarianceInflation(phi: number, n: number): number {
  if (phi === 0 || n <= 1) return 1
  const q = 1 - phi
  return 1 + 2 * (phi / q - (phi * (1 - Math.pow(phi, n))) / (n * q * q))
}

/**
 * The lag-1 autocorrelation r1 is biased towards 0 (about -(1 + 3 phi) / n with the mean
 * estimated, Kendall 1954); solving r1 = phi - (1 + 3 phi) / n for phi removes most of it.
 */
export function biasCorrectedPhi(r1: number, n: number): number {
  if (n <= 4) return MAX_PHI
  return (n * r1 + 1) / (n - 3)
}

export function lag1Autocorrelation(xs: ArrayLike<number>, mean: number): number {
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - mean
    den += d * d
    if (i > 0) num += d * (xs[i - 1] - mean)
  }
  return den === 0 ? 0 : num / den
}

/**
 * Mean and variance of the mean under AR(1) correlation. A negative correlation earns no
 * credit (phi is clamped at 0), and the sample variance, itself biased low under positive
 * correlation (E s^2 = sigma^2 (n - f) / (n - 1) with f the inflation), is corrected too.
 *
 * phi is taken one standard error (sqrt((1 - phi^2) / n)) above its bias-corrected estimate:
 * at 30 samples the estimate of phi = 0.8 is so noisy that a t interval on the plain
 * estimate missed 3.8 % of the time at a nominal 1 %; with the margin 1.5 %, and at 360
 * iid samples the interval is only 4-7 % wider (test/unit/canary-serial-variance.test.ts).
 */
export function serialMean(xs: ArrayLike<number>): SerialMean {
  const n = xs.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += xs[i]
  const mean = sum / n
  let squares = 0
  for (let i = 0; i < n; i++) squares += (xs[i] - mean) ** 2
  const estimate = Math.max(-1, Math.min(1, biasCorrectedPhi(lag1Autocorrelation(xs, mean), n)))
  const phi = Math.min(MAX_PHI, Math.max(0, estimate + Math.sqrt((1 - estimate ** 2) / n)))
  const inflation = ar1VarianceInflation(phi, n)
  // With f close to n the data cannot say more than "one independent sample".
  const sigma2 = squares / Math.max(1, n - inflation)
  return { mean, variance: (sigma2 * inflation) / n, phi, effectiveSamples: n / inflation }
}
