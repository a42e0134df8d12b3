import { kayentaMannWhitney, ROOT_TOLERANCE, wilcoxPValue } from './mann-whitney.js'
import { normalQuantile } from './normal.js'
import { overflowSafeFactor } from './overflow-scale.js'
import { AllTiedError, ShiftedRankSum } from './rank-sum.js'
import { mean, meanRatio } from './stats.js'
import type {
  ComparisonDetails,
  Direction,
  EffectSizeMeasure,
  KayentaClassification,
  NanStrategy
} from './types.js'

/** NetflixACAJudge hard-codes these (the classifier's own defaults, 0.25 / 0.95, are unused). */
export const KAYENTA_TOLERANCE = 0.25
export const KAYENTA_CONFIDENCE_LEVEL = 0.98
/** Kayenta's noise for constant series: sd = |value| * 1e-5. */
const CONSTANT_NOISE_SCALE = 1e-5

export interface ClassifierParams {
  tolerance: number
  confidenceLevel: number
  direction: Direction
  measure: EffectSizeMeasure
  allowedIncrease: number
  allowedDecrease: number
  /** Escalation thresholds per side; a side without one never becomes critical. */
  escalate: { increase?: number; decrease?: number }
}

export type ComparisonDecision =
  | 'identical'
  | 'single-value'
  | 'no-clear-shift'
  | 'below-effect-size'
  | 'allowed-direction'
  | 'high'
  | 'low'
  | 'error'

export interface ComparisonOutcome {
  classification: 'Pass' | 'High' | 'Low' | 'Error'
  critical: boolean
  decision: ComparisonDecision
  details?: ComparisonDetails
  error?: string
}

/**
 * Kayenta's MannWhitneyClassifier on two non-empty, NaN-free samples: identical samples
 * pass, a single distinct value passes, otherwise the Mann-Whitney interval of the shift
 * must clear +-tolerance * |estimate| and the effect size must reach the allowed ratio
 * (a NaN effect size, from a zero mean, does not hold High or Low back, as in Kayenta).
 */
export function compareSamples(
  canary: readonly number[],
  baseline: readonly number[],
  params: ClassifierParams,
  sorted?: { canary: Float64Array; baseline: Float64Array }
): ComparisonOutcome {
  const factor = overflowSafeFactor(canary, baseline)
  if (factor !== 1) return compareScaled(canary, baseline, params, factor)
  const samples = sorted
    ? new ShiftedRankSum(sorted.canary, sorted.baseline, true)
    : new ShiftedRankSum(canary, baseline)
  const { x, y } = samples
  if (sameValues(x, y)) return { classification: 'Pass', critical: false, decision: 'identical' }
  const canaryConstant = x[0] === x[x.length - 1]
  const baselineConstant = y[0] === y[y.length - 1]
  if (canaryConstant && baselineConstant && x[0] === y[0]) {
    return { classification: 'Pass', critical: false, decision: 'single-value' }
  }
  const jittered = canaryConstant && baselineConstant
  const tested = jittered
    ? new ShiftedRankSum(constantWithJitter(canary), constantWithJitter(baseline), true)
    : samples

  let interval
  let test
  try {
    interval = kayentaMannWhitney(tested, undefined, params.confidenceLevel)
    test = wilcoxPValue(tested)
  } catch (error) {
    if (error instanceof RangeError) {
      return { classification: 'Error', critical: false, decision: 'error', error: error.message }
    }
    if (!(error instanceof AllTiedError)) throw error
    return {
      classification: 'Error',
      critical: false,
      decision: 'error',
      error: 'all observations tie at some shift (sigma = 0), so no interval exists'
    }
  }

  const ratio = meanRatio(canary, baseline)
  const effectSize =
    params.measure === 'cles' ? tested.u(0) / (canary.length * baseline.length) : ratio
  const band = params.tolerance * Math.abs(interval.estimate)
  const details: ComparisonDetails = {
    estimate: interval.estimate,
    ciLower: interval.ciLower,
    ciUpper: interval.ciUpper,
    confidenceLevel: params.confidenceLevel,
    band,
    tolerance: params.tolerance,
    pValue: test.pValue,
    pValueMethod: test.exact ? 'exact' : 'asymptotic',
    meanRatio: ratio,
    effectSize,
    effectSizeMeasure: params.measure,
    jittered,
    coarse: !jittered && interval.muMax - interval.muMin < 100 * ROOT_TOLERANCE
  }

  const unknownEffect = Number.isNaN(effectSize)
  const above = interval.ciLower > band
  const below = interval.ciUpper < -band
  const mayRise = params.direction !== 'decrease'
  const mayFall = params.direction !== 'increase'
  if (mayRise && above && (unknownEffect || effectSize >= params.allowedIncrease)) {
    const limit = params.escalate.increase
    const critical = limit !== undefined && (unknownEffect || effectSize >= limit)
    return { classification: 'High', critical, decision: 'high', details }
  }
  if (mayFall && below && (unknownEffect || effectSize <= params.allowedDecrease)) {
    const limit = params.escalate.decrease
    const critical = limit !== undefined && (unknownEffect || effectSize <= limit)
    return { classification: 'Low', critical, decision: 'low', details }
  }
  let decision: ComparisonDecision = 'no-clear-shift'
  if ((above && mayRise) || (below && mayFall)) decision = 'below-effect-size'
  else if (above || below) decision = 'allowed-direction'
  return { classification: 'Pass', critical: false, decision, details }
}

/**
 * The comparison of both samples times `factor`, with the shifts reported at the samples'
 * own scale (they may round to ±Infinity there; the decision was made where they do not).
 */
function compareScaled(
  canary: readonly number[],
  baseline: readonly number[],
  params: ClassifierParams,
  factor: number
): ComparisonOutcome {
  const outcome = compareSamples(
    canary.map((v) => v * factor),
    baseline.map((v) => v * factor),
    params
  )
  const details = outcome.details
  if (!details) return outcome
  return {
    ...outcome,
    details: {
      ...details,
      estimate: details.estimate / factor,
      ciLower: details.ciLower / factor,
      ciUpper: details.ciUpper / factor,
      band: details.band / factor
    }
  }
}

/**
 * Kayenta adds Gaussian noise (sd = |c| * 1e-5, unseeded) to both series when both are
 * constant. slipway uses the noise's expected order statistics instead,
 * c + |c| * 1e-5 * z((i + 1/2) / n), so the same data always gives the same answer; a
 * constant 0 stays 0, as in Kayenta.
 */
export function constantWithJitter(values: readonly number[]): Float64Array {
  const n = values.length
  const scale = Math.abs(values[0]) * CONSTANT_NOISE_SCALE
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) out[i] = values[0] + scale * normalQuantile((i + 0.5) / n)
  return out
}

/** Kayenta's identical check: the sorted series are equal. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export interface KayentaClassifyInput {
  control: readonly number[]
  experiment: readonly number[]
  params: ClassifierParams
  nanStrategy: NanStrategy
  isCriticalMetric: boolean
  isDataRequired: boolean
}

export interface KayentaClassifyResult {
  classification: KayentaClassification
  critical: boolean
  /** Kayenta's deviation: the mean ratio (1 for identical or single-valued data). */
  deviation: number
  reason: string
}

/** Kayenta's MannWhitneyClassifier.classify, including its empty-series rules. */
export function kayentaClassify(input: KayentaClassifyInput): KayentaClassifyResult {
  const { control, experiment } = input
  if (control.length === 0 || experiment.length === 0) {
    const reason = `missing data: experiment ${experiment.length}, control ${control.length} values`
    // With NaNs replaced by 0, Kayenta passes an empty series (slipway's judge does not).
    if (input.nanStrategy === 'replace')
      return { classification: 'Pass', critical: false, deviation: NaN, reason }
    if (input.isDataRequired && !input.isCriticalMetric) {
      return { classification: 'NodataFailMetric', critical: false, deviation: NaN, reason }
    }
    return { classification: 'Nodata', critical: input.isCriticalMetric, deviation: NaN, reason }
  }
  const outcome = compareSamples(experiment, control, input.params)
  const deviation =
    outcome.decision === 'identical' || outcome.decision === 'single-value'
      ? 1
      : (outcome.details?.meanRatio ?? NaN)
  return {
    classification: outcome.classification,
    critical: outcome.critical,
    deviation,
    reason: outcome.error ?? outcome.decision
  }
}

/** Kayenta's MeanInequalityClassifier, the baseline classifier of its tests. */
export function meanInequalityClassify(
  control: readonly number[],
  experiment: readonly number[],
  direction: Direction
): 'Pass' | 'High' | 'Low' {
  const canaryMean = mean(experiment)
  const baselineMean = mean(control)
  if (canaryMean > baselineMean && direction !== 'decrease') return 'High'
  if (canaryMean < baselineMean && direction !== 'increase') return 'Low'
  return 'Pass'
}
