import { normalCdf, normalQuantile } from './normal.js'
import { ShiftedRankSum } from './rank-sum.js'
import { median } from './stats.js'
import { pwilcox, qwilcox } from './wilcoxon-exact.js'
import { zeroin } from './zeroin.js'

/** R's tol.root for the confidence interval and the estimate. */
export const ROOT_TOLERANCE = 1e-4
/** R uses the exact distribution when both samples are smaller than this and nothing ties. */
export const EXACT_LIMIT = 50

export interface WilcoxonTestOptions {
  confidenceLevel?: number
  /** Exact distribution; default: both samples below 50 (and, as in R, only without ties). */
  exact?: boolean
  /** Continuity correction of the normal approximation (R's default true). */
  correct?: boolean
}

export interface WilcoxonTestResult {
  /** W = U of x: #(x > y) + #(x == y) / 2. */
  statistic: number
  pValue: number
  /** Whether the exact distribution was used (no ties, small samples). */
  exact: boolean
  /** Hodges-Lehmann estimate of the shift x - y. */
  estimate: number
  ciLower: number
  ciUpper: number
  confidenceLevel: number
  /** The exact interval's actual coverage, which can exceed or (tiny samples) miss the request. */
  achievedConfidenceLevel?: number
}

export interface PValue {
  pValue: number
  exact: boolean
  statistic: number
  /** The standardized statistic of the normal approximation (absent when exact). */
  z?: number
}

/**
 * The two-sided Wilcoxon rank-sum test of x against y with the confidence interval and
 * estimate of the shift x - y, as R's wilcox.test(x, y, conf.int = TRUE) computes them.
 */
export function wilcoxTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: WilcoxonTestOptions = {}
): WilcoxonTestResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95
  const correct = options.correct ?? true
  const samples = prepare(x, y)
  const test = wilcoxPValue(samples, options.exact, correct)
  if (test.exact) return { ...test, ...exactInterval(samples, confidenceLevel), confidenceLevel }
  const alpha = 1 - confidenceLevel
  const { muMin, muMax } = shiftRange(samples)
  const statistic = (d: number) => samples.standardized(d, correct)
  const atMin = statistic(muMin)
  const atMax = statistic(muMax)
  const ciLower = clampedRoot(
    statistic,
    muMin,
    muMax,
    atMin,
    atMax,
    normalQuantile(alpha / 2, true)
  )
  const ciUpper = clampedRoot(statistic, muMin, muMax, atMin, atMax, normalQuantile(alpha / 2))
  // R sets correct <- FALSE before the estimate: no continuity correction there.
  const uncorrected = (d: number) => samples.standardized(d, false)
  const lowEnd = uncorrected(muMin)
  const highEnd = uncorrected(muMax)
  if (Math.sign(lowEnd) * Math.sign(highEnd) > 0) {
    throw new Error('the rank-sum statistic does not change sign over the range of shifts')
  }
  const estimate = zeroin(uncorrected, muMin, muMax, lowEnd, highEnd, ROOT_TOLERANCE)
  return { ...test, estimate, ciLower, ciUpper, confidenceLevel }
}

/** R's p-value only (exact or normal approximation), without the interval. */
export function wilcoxPValue(samples: ShiftedRankSum, exact?: boolean, correct = true): PValue {
  const nx = samples.nx
  const ny = samples.ny
  samples.evaluate(0)
  const statistic = samples.rankSum - (nx * (nx + 1)) / 2
  const ties = samples.tieTerm > 0
  const useExact = (exact ?? (nx < EXACT_LIMIT && ny < EXACT_LIMIT)) && !ties
  if (useExact) {
    const tail =
      statistic > (nx * ny) / 2 ? pwilcox(statistic - 1, nx, ny, false) : pwilcox(statistic, nx, ny)
    return { pValue: Math.min(2 * tail, 1), exact: true, statistic }
  }
  const z = samples.standardized(0, correct)
  return { pValue: 2 * normalCdf(-Math.abs(z)), exact: false, statistic, z }
}

export interface KayentaInterval {
  ciLower: number
  ciUpper: number
  /** Root of the continuity-corrected statistic (R's estimate has no correction). */
  estimate: number
  muMin: number
  muMax: number
}

/**
 * Kayenta's MannWhitney.mannWhitneyUTest: always the normal approximation with tie and
 * continuity correction; the interval equals R's asymptotic one, but the estimate keeps the
 * continuity correction and is not clamped to the ends of the range.
 */
export function kayentaMannWhitney(
  x: ArrayLike<number> | ShiftedRankSum,
  y: ArrayLike<number> | undefined,
  confidenceLevel: number
): KayentaInterval {
  const samples = x instanceof ShiftedRankSum ? x : prepare(x, y ?? [])
  const { muMin, muMax } = shiftRange(samples)
  const statistic = (d: number) => samples.standardized(d, true)
  const atMin = statistic(muMin)
  const atMax = statistic(muMax)
  const z = normalQuantile((1 - confidenceLevel) / 2)
  return {
    ciLower: clampedRoot(statistic, muMin, muMax, atMin, atMax, -z),
    ciUpper: clampedRoot(statistic, muMin, muMax, atMin, atMax, z),
    estimate: zeroin(statistic, muMin, muMax, atMin, atMax, ROOT_TOLERANCE),
    muMin,
    muMax
  }
}

/** Kayenta's wilcoxonDiff(mu, quantile): the corrected statistic at shift mu minus quantile. */
export function wilcoxonDiff(
  mu: number,
  quantile: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>
): number {
  return prepare(x, y).standardized(mu, true) - quantile
}

/** Sorts both samples once after checking they can be ranked. */
export function prepare(x: ArrayLike<number>, y: ArrayLike<number>): ShiftedRankSum {
  if (x.length === 0 || y.length === 0) throw new Error('both samples need at least one value')
  for (const sample of [x, y]) {
    for (let i = 0; i < sample.length; i++) {
      if (!Number.isFinite(sample[i])) throw new Error('samples must be finite numbers')
    }
  }
  return new ShiftedRankSum(x, y)
}

function shiftRange(samples: ShiftedRankSum): { muMin: number; muMax: number } {
  const { x, y } = samples
  return { muMin: x[0] - y[y.length - 1], muMax: x[x.length - 1] - y[0] }
}

/**
 * The shift where the statistic crosses zq; the ends of the range when it never does
 * there (R: "in extreme cases we need to return endpoints").
 */
function clampedRoot(
  statistic: (d: number) => number,
  muMin: number,
  muMax: number,
  atMin: number,
  atMax: number,
  zq: number
): number {
  const fLower = atMin - zq
  if (fLower <= 0) return muMin
  const fUpper = atMax - zq
  if (fUpper >= 0) return muMax
  return zeroin((d) => statistic(d) - zq, muMin, muMax, fLower, fUpper, ROOT_TOLERANCE)
}

/** R's exact interval: order statistics of the pairwise differences at qwilcox(alpha / 2). */
function exactInterval(
  samples: ShiftedRankSum,
  confidenceLevel: number
): { estimate: number; ciLower: number; ciUpper: number; achievedConfidenceLevel: number } {
  const { x, y } = samples
  const nx = x.length
  const ny = y.length
  const differences = new Float64Array(nx * ny)
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) differences[i * ny + j] = x[i] - y[j]
  }
  differences.sort()
  const alpha = 1 - confidenceLevel
  let qu = qwilcox(alpha / 2, nx, ny)
  if (qu === 0) qu = 1
  const ql = nx * ny - qu
  const achievedAlpha = 2 * pwilcox(Math.trunc(qu) - 1, nx, ny)
  return {
    estimate: median(differences, true),
    ciLower: differences[qu - 1],
    ciUpper: differences[ql],
    achievedConfidenceLevel: 1 - achievedAlpha
  }
}

/** The Hodges-Lehmann estimate from all n * m differences: for small samples only. */
export function hodgesLehmann(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const differences = new Float64Array(x.length * y.length)
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) differences[i * y.length + j] = x[i] - y[j]
  }
  return median(differences.sort(), true)
}
