import { formatNumber } from './reasons.js'
import { mean, percentileR7 } from './stats.js'
import type { Direction, GuardDetails, GuardSettings } from './types.js'

// Kayenta's rule calls a shift High or Low only when the whole interval of the shift clears a
// tolerance band, so a canary with half its samples at ten times the baseline passes: the
// interval spans both halves. A guard is a plain limit on canary / baseline of the mean or a
// percentile, which such a canary crosses.

/** The guard's statistic on both sides and whether their ratio crossed a limit. */
export function checkGuard(
  guard: GuardSettings,
  direction: Direction,
  canary: { values: readonly number[]; sorted: Float64Array },
  baseline: { values: readonly number[]; sorted: Float64Array }
): GuardDetails {
  const percentile = guard.percentile
  const statistic = percentile === undefined ? 'mean' : `p${formatNumber(percentile)}`
  const of = (side: typeof canary) =>
    percentile === undefined ? mean(side.values) : percentileR7(side.sorted, percentile, true)
  const c = of(canary)
  const b = of(baseline)
  const ratio = ratioOf(c, b)
  const details: GuardDetails = { statistic, canary: c, baseline: b, ratio }
  if (guard.maxRatio !== undefined) details.maxRatio = guard.maxRatio
  if (guard.minRatio !== undefined) details.minRatio = guard.minRatio
  if (direction !== 'decrease' && guard.maxRatio !== undefined && ratio > guard.maxRatio) {
    details.tripped = 'max-ratio'
  } else if (direction !== 'increase' && guard.minRatio !== undefined && ratio < guard.minRatio) {
    details.tripped = 'min-ratio'
  }
  return details
}

function ratioOf(canary: number, baseline: number): number {
  if (canary < 0 || baseline < 0) return NaN
  if (baseline === 0) return canary === 0 ? 1 : Infinity
  return canary / baseline
}

export function guardReason(details: GuardDetails): string {
  const times = Number.isFinite(details.ratio) ? `${formatNumber(details.ratio)}×` : 'infinitely'
  const limit =
    details.tripped === 'max-ratio'
      ? `above max-ratio ${formatNumber(details.maxRatio!)}`
      : `below min-ratio ${formatNumber(details.minRatio!)}`
  return `guard: canary ${details.statistic} is ${times} the baseline's, ${limit} (${formatNumber(details.canary)} vs ${formatNumber(details.baseline)})`
}
