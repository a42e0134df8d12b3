import { mean, median } from './stats.js'
import type { ThresholdAggregate } from './types.js'

/** The single value a threshold check looks at, from the canary's samples in time order. */
export function aggregate(values: readonly number[], how: ThresholdAggregate): number {
  if (values.length === 0) return NaN
  switch (how) {
    case 'mean':
      return mean(values)
    case 'median':
      return median(values)
    case 'max':
      return values.reduce((a, b) => (b > a ? b : a))
    case 'min':
      return values.reduce((a, b) => (b < a ? b : a))
    case 'last':
      return values[values.length - 1]
  }
}

/** Argo Rollouts' and Flagger's range check in the judge's vocabulary. */
export function checkThreshold(
  value: number,
  bounds: { min?: number; max?: number }
): 'Pass' | 'High' | 'Low' {
  if (bounds.max !== undefined && value > bounds.max) return 'High'
  if (bounds.min !== undefined && value < bounds.min) return 'Low'
  return 'Pass'
}
