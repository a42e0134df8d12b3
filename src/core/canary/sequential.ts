import { boundaryAtLook } from './group-sequential.js'
import { normalCdf } from './normal.js'
import { isMissing, type RawSample } from './preprocess.js'
import { serialMean } from './serial-variance.js'
import { studentTQuantileUpper } from './student-t.js'
import type { NanStrategy, SampleCounts, SequentialDetails } from './types.js'

/** The sequential judge wrongly fails an unchanged metric at most 1 % of the time, all looks. */
export const DEFAULT_SEQUENTIAL_LEVEL = 0.99
/**
 * Two healthy deployments of one release differ by a few percent (instances, nodes, caches)
 * whatever the sample size; 3 % is the sd of log(canary / baseline) allowed for that.
 */
export const DEFAULT_SPREAD_TOLERANCE = 0.03

export interface Look {
  /** 1-based. */
  index: number
  count: number
}

export interface SequentialOptions {
  level: number
  spreadTolerance: number
  look: Look
}

export interface Paired {
  canary: number[]
  baseline: number[]
  counts: { canary: SampleCounts; baseline: SampleCounts }
}

/**
 * Canary and baseline samples paired by step (both come from one range query grid, so a step
 * is a timestamp): the warm-up dropped, a step kept only when both sides have it (or with
 * nan-strategy replace, a missing sample as 0). Outlier removal would break the pairing and
 * is not applied.
 */
export function pairByStep(
  canary: readonly RawSample[],
  baseline: readonly RawSample[],
  warmupSamples: number,
  nanStrategy: NanStrategy
): Paired {
  const steps = Math.max(canary.length, baseline.length)
  const replace = nanStrategy === 'replace'
  const pairs: Paired = {
    canary: [],
    baseline: [],
    counts: { canary: counts(), baseline: counts() }
  }
  pairs.counts.canary.raw = canary.length
  pairs.counts.baseline.raw = baseline.length
  pairs.counts.canary.warmup = Math.min(warmupSamples, canary.length)
  pairs.counts.baseline.warmup = Math.min(warmupSamples, baseline.length)
  for (let i = warmupSamples; i < steps; i++) {
    let c = i < canary.length ? canary[i] : null
    let b = i < baseline.length ? baseline[i] : null
    if (isMissing(c)) {
      if (i < canary.length) pairs.counts.canary.missing++
      if (replace && i < canary.length) c = 0
    }
    if (isMissing(b)) {
      if (i < baseline.length) pairs.counts.baseline.missing++
      if (replace && i < baseline.length) b = 0
    }
    if (isMissing(c) || isMissing(b)) continue
    pairs.canary.push(c as number)
    pairs.baseline.push(b as number)
  }
  pairs.counts.canary.used = pairs.canary.length
  pairs.counts.baseline.used = pairs.baseline.length
  return pairs
}

function counts(): SampleCounts {
  return { raw: 0, warmup: 0, missing: 0, outliers: 0, used: 0 }
}

function average(xs: readonly number[]): number {
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}

/**
 * The change canary / baseline with its interval at this look. The interval is
 * estimate +- sqrt((t se)^2 + (z tau)^2): se the standard error of the mean log-ratio under
 * AR(1) correlation, z the look's group-sequential boundary, t the same tail probability as
 * a Student t quantile on effective samples - 1 degrees of freedom (se is itself estimated),
 * and tau = log(1 + spread tolerance), an offset between deployments that no sample size
 * removes, taken as known variance.
 */
export function compareSequential(
  canary: readonly number[],
  baseline: readonly number[],
  options: SequentialOptions
): SequentialDetails {
  const alpha = 1 - options.level
  const boundary = boundaryAtLook(options.look.index, options.look.count, alpha)
  const tail = normalCdf(-boundary)
  const positive = canary.every((v) => v > 0) && baseline.every((v) => v > 0)
  const canaryMean = average(canary)
  const baselineMean = average(baseline)
  let scale: SequentialDetails['scale']
  let series: number[]
  let center: number
  let spread = Math.log(1 + options.spreadTolerance)
  let divisor = 1
  if (positive) {
    scale = 'log'
    series = canary.map((c, i) => Math.log(c) - Math.log(baseline[i]))
    center = NaN
  } else if (canaryMean > 0 && baselineMean > 0) {
    // Delta method: log(mean c / mean b) has the variance of mean(c - R b) / mean(c).
    scale = 'ratio-of-means'
    const ratio = canaryMean / baselineMean
    series = canary.map((c, i) => c - ratio * baseline[i])
    center = Math.log(ratio)
    divisor = canaryMean
  } else {
    scale = 'difference'
    series = canary.map((c, i) => c - baseline[i])
    center = NaN
    spread = 0
  }
  const fit = serialMean(series)
  if (Number.isNaN(center)) center = fit.mean
  const standardError = Math.sqrt(fit.variance) / divisor
  const critical = studentTQuantileUpper(tail, Math.max(1, fit.effectiveSamples - 1))
  const half = Math.hypot(critical * standardError, boundary * spread)
  const toScale = scale === 'difference' ? (x: number) => x : Math.exp
  return {
    scale,
    estimate: toScale(center),
    lower: toScale(center - half),
    upper: toScale(center + half),
    look: options.look.index,
    looks: options.look.count,
    boundary,
    critical,
    level: options.level,
    spreadTolerance: options.spreadTolerance,
    pairs: canary.length,
    effectiveSamples: fit.effectiveSamples,
    autocorrelation: fit.phi,
    standardError
  }
}

/** Where the interval lies against no change: above, below, or across it. */
export function sequentialSide(details: SequentialDetails): 'above' | 'below' | 'across' {
  const none = details.scale === 'difference' ? 0 : 1
  if (details.lower > none) return 'above'
  if (details.upper < none) return 'below'
  return 'across'
}
