import { mean, percentileR7, sortedCopy } from './stats.js'

/** Kayenta's judge default IQR fence factor. */
export const DEFAULT_OUTLIER_FACTOR = 3

/**
 * Kayenta's IQRDetector: a value is an outlier when strictly outside
 * [Q1 - f * IQR, Q3 + f * IQR] (R-7 quartiles). With reduceSensitivity, as the judge
 * uses it, the fences widen to at least P1 and P99, so at most the most extreme point on
 * each side can go from a series of 100 or fewer.
 */
export function iqrOutliers(
  values: ArrayLike<number>,
  factor = DEFAULT_OUTLIER_FACTOR,
  reduceSensitivity = true
): boolean[] {
  if (values.length === 0) return []
  const sorted = sortedCopy(values)
  const q1 = percentileR7(sorted, 25, true)
  const q3 = percentileR7(sorted, 75, true)
  const iqr = q3 - q1
  let lowerFence = q1 - factor * iqr
  let upperFence = q3 + factor * iqr
  if (reduceSensitivity) {
    lowerFence = Math.min(percentileR7(sorted, 1, true), lowerFence)
    upperFence = Math.max(percentileR7(sorted, 99, true), upperFence)
  }
  return Array.from(values, (v) => v < lowerFence || v > upperFence)
}

/** Kayenta's KSigmaDetector: |x - mean| > k * population standard deviation. */
export function kSigmaOutliers(values: ArrayLike<number>, k = 3): boolean[] {
  if (values.length === 0) return []
  const avg = mean(values)
  let squares = 0
  for (let i = 0; i < values.length; i++) squares += (values[i] - avg) ** 2
  const sd = Math.sqrt(squares / values.length)
  return Array.from(values, (v) => Math.abs(v - avg) > k * sd)
}

export function withoutFlagged(values: ArrayLike<number>, flagged: boolean[]): number[] {
  const kept: number[] = []
  for (let i = 0; i < values.length; i++) if (!flagged[i]) kept.push(values[i])
  return kept
}
