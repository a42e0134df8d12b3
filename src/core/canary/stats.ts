import { sortFloat64 } from './sort.js'

// Descriptive statistics and effect sizes with Kayenta's definitions
// (kayenta-judge stats/DescriptiveStatistics.scala and stats/EffectSizes.scala).

export interface Summary {
  count: number
  min: number
  max: number
  mean: number
  median: number
  /** Sample standard deviation (n - 1); 0 for fewer than two values. */
  std: number
}

/**
 * Kayenta reports zeros for an empty series rather than NaN. The mean is summed in the
 * given order; pass the values sorted as well to spare a sort for the median.
 */
export function summarize(values: ArrayLike<number>, sorted?: ArrayLike<number>): Summary {
  const n = values.length
  if (n === 0) return { count: 0, min: 0, max: 0, mean: 0, median: 0, std: 0 }
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < n; i++) {
    if (values[i] < min) min = values[i]
    if (values[i] > max) max = values[i]
  }
  const avg = mean(values)
  let squares = 0
  for (let i = 0; i < n; i++) squares += (values[i] - avg) ** 2
  return {
    count: n,
    min,
    max,
    mean: avg,
    median: sorted ? median(sorted, true) : median(values),
    std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0
  }
}

export function mean(values: ArrayLike<number>): number {
  const n = values.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]
  if (Number.isFinite(sum)) return sum / n
  // Finite values near Number.MAX_VALUE overflow the sum: add up their shares instead.
  let average = 0
  for (let i = 0; i < n; i++) average += values[i] / n
  return average
}

/** The middle value, or the mean of the two middle values (R's median). */
export function median(values: ArrayLike<number>, alreadySorted = false): number {
  const n = values.length
  if (n === 0) return NaN
  const sorted = alreadySorted ? values : sortedCopy(values)
  const half = Math.floor(n / 2)
  return n % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return sortFloat64(values)
}

/**
 * Percentile `p` (0-100) with estimation type R-7 (linear interpolation between order
 * statistics, R's default quantile type and commons-math's Percentile R_7).
 */
export function percentileR7(values: ArrayLike<number>, p: number, alreadySorted = false): number {
  const n = values.length
  if (n === 0) return NaN
  const sorted = alreadySorted ? values : sortedCopy(values)
  if (n === 1) return sorted[0]
  const position = p === 100 ? n : 1 + (n - 1) * (p / 100)
  if (position < 1) return sorted[0]
  if (position >= n) return sorted[n - 1]
  const whole = Math.floor(position)
  const lower = sorted[whole - 1]
  return lower + (position - whole) * (sorted[whole] - lower)
}

/** mean(canary) / mean(baseline); NaN when either mean is 0, as in Kayenta. */
export function meanRatio(canary: ArrayLike<number>, baseline: ArrayLike<number>): number {
  const canaryMean = mean(canary)
  const baselineMean = mean(baseline)
  if (canaryMean === 0 || baselineMean === 0) return NaN
  return canaryMean / baselineMean
}

/** Cohen's d with the pooled standard deviation, as an absolute value. */
export function cohenD(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const sa = summarize(a)
  const sb = summarize(b)
  const pooled = Math.sqrt(
    ((sa.count - 1) * sa.std ** 2 + (sb.count - 1) * sb.std ** 2) / (sa.count + sb.count - 2)
  )
  return Math.abs(sa.mean - sb.mean) / pooled
}
