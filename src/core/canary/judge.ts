import { compareSamples, KAYENTA_CONFIDENCE_LEVEL, KAYENTA_TOLERANCE } from './classify.js'
import { checkGuard, guardReason } from './guard.js'
import { clean, type RawSample } from './preprocess.js'
import { comparisonReason, formatNumber, noDataReason, thresholdReason } from './reasons.js'
import {
  classifyScore,
  DEFAULT_SCORE_THRESHOLDS,
  weightedSumScore,
  type ScoreInput,
  type ScoreResult
} from './score.js'
import type { Look } from './sequential.js'
import { judgeSequentialMetric } from './sequential-metric.js'
import { escalation } from './settings.js'
import { sortFloat64 } from './sort.js'
import { summarize, type Summary } from './stats.js'
import { aggregate, checkThreshold } from './threshold.js'
import type {
  GuardDetails,
  Judgement,
  JudgeMethod,
  KayentaClassification,
  MetricResult,
  MetricSettings,
  ScoreThresholds,
  Verdict
} from './types.js'

export interface JudgeOptions {
  /** Of the interval of the shift; Kayenta's judge uses 0.98. */
  confidenceLevel?: number
  /** Kayenta's 0.25: the interval must clear tolerance * |estimate|. */
  tolerance?: number
  thresholds?: ScoreThresholds
  groupWeights?: Record<string, number>
  /** Samples to drop from the start of both series (the live loop's warm-up). */
  warmupSamples?: number
  /** The judge of comparison metrics that do not name one; Kayenta's when absent. */
  method?: JudgeMethod
  /** Use this judge for every metric, whatever its settings say (`--method`). */
  forceMethod?: boolean
  /** Sequential judge: this judgement is look `index` of `count` (default 1 of 1). */
  look?: Look
  /** Sequential judge: 1 - the chance of failing an unchanged metric over all looks (0.99). */
  sequentialLevel?: number
  /** Sequential judge: spread allowed between healthy deployments, for metrics without one. */
  spreadTolerance?: number
}

export interface MetricData {
  settings: MetricSettings
  /** Canary samples in time order; null or NaN is a missing sample. */
  canary: readonly RawSample[]
  /** Baseline samples in time order (not needed for threshold checks). */
  baseline?: readonly RawSample[]
}

/** Classifies every metric, scores them the Kayenta way and gives the verdict. */
export function judge(metrics: readonly MetricData[], options: JudgeOptions = {}): Judgement {
  const thresholds = options.thresholds ?? DEFAULT_SCORE_THRESHOLDS
  const results = metrics.map((m) => judgeMetric(m, options))
  const inputs = results.map(scoreInput)
  const scored = weightedSumScore(inputs, options.groupWeights)
  const { verdict, reason } = decide(results, inputs, scored, thresholds, options.groupWeights)
  return {
    verdict,
    score: scored.score,
    reason,
    criticalFailure: results.some((r) => r.criticalFailure),
    thresholds,
    groups: scored.groups,
    metrics: results
  }
}

export function judgeMetric(data: MetricData, options: JudgeOptions = {}): MetricResult {
  return inReadingOrder(classifyMetric(data, options))
}

/** The judge a comparison metric gets: `--method` over the metric's own over the analysis'. */
export function judgeMethodOf(settings: MetricSettings, options: JudgeOptions): JudgeMethod {
  if (options.forceMethod && options.method) return options.method
  return settings.judge ?? options.method ?? 'kayenta'
}

function classifyMetric(data: MetricData, options: JudgeOptions): MetricResult {
  const { settings } = data
  if (!settings.threshold && judgeMethodOf(settings, options) === 'sequential') {
    return classifySequential(data, options)
  }
  const cleaning = {
    warmupSamples: options.warmupSamples ?? 0,
    nanStrategy: settings.nanStrategy,
    outliers: settings.outliers
  }
  const canary = clean(data.canary, cleaning)
  const canarySorted = sortFloat64(canary.values)
  const common = {
    name: settings.name,
    group: settings.group,
    direction: settings.direction,
    critical: settings.critical,
    onNoData: settings.onNoData,
    minSamples: settings.minSamples,
    canary: sideSummary(canary.values, canarySorted)
  }

  if (settings.threshold) {
    const base = { ...common, kind: 'threshold' as const, samples: { canary: canary.counts } }
    if (canary.values.length < Math.max(1, settings.minSamples)) {
      return noData(base, settings, noDataReason(canary.counts, undefined, settings))
    }
    const details = {
      ...settings.threshold,
      value: aggregate(canary.values, settings.threshold.aggregate)
    }
    if (Number.isNaN(details.value)) {
      return error(base, `the ${details.aggregate} of the canary samples is not a number`, details)
    }
    const classification = checkThreshold(details.value, settings.threshold)
    const criticalFailure = settings.critical && classification !== 'Pass'
    return {
      ...base,
      classification,
      reason:
        thresholdReason(classification, details, canary.values.length) +
        (criticalFailure ? '; critical failure' : ''),
      criticalFailure,
      scoredAs: classification,
      threshold: details
    }
  }

  const baseline = clean(data.baseline ?? [], cleaning)
  const baselineSorted = sortFloat64(baseline.values)
  const base = {
    ...common,
    kind: 'comparison' as const,
    samples: { canary: canary.counts, baseline: baseline.counts },
    baseline: sideSummary(baseline.values, baselineSorted),
    effectSizeThresholds: settings.effectSize
  }
  const fewest = Math.min(canary.values.length, baseline.values.length)
  if (fewest === 0 || fewest < settings.minSamples) {
    return noData(base, settings, noDataReason(canary.counts, baseline.counts, settings))
  }
  // Sorted, so an infinity would be at an end.
  if (
    ![canarySorted, baselineSorted].every(
      (s) => Number.isFinite(s[0]) && Number.isFinite(s[s.length - 1])
    )
  ) {
    return error(
      base,
      'infinite samples (e.g. a histogram_quantile above the top bucket) cannot be ranked into an interval'
    )
  }
  const { effectSize } = settings
  const outcome = compareSamples(
    canary.values,
    baseline.values,
    {
      tolerance: options.tolerance ?? KAYENTA_TOLERANCE,
      confidenceLevel: options.confidenceLevel ?? KAYENTA_CONFIDENCE_LEVEL,
      direction: settings.direction,
      measure: effectSize.measure,
      allowedIncrease: effectSize.allowedIncrease,
      allowedDecrease: effectSize.allowedDecrease,
      escalate: escalation(settings)
    },
    { canary: canarySorted, baseline: baselineSorted }
  )
  const result: MetricResult = {
    ...base,
    classification: outcome.classification,
    reason: comparisonReason(outcome, settings),
    criticalFailure: outcome.critical,
    scoredAs: outcome.classification,
    comparison: outcome.details
  }
  if (!settings.guard) return result
  return withGuard(
    result,
    checkGuard(
      settings.guard,
      settings.direction,
      { values: canary.values, sorted: canarySorted },
      { values: baseline.values, sorted: baselineSorted }
    ),
    settings
  )
}

function classifySequential(data: MetricData, options: JudgeOptions): MetricResult {
  const { settings } = data
  const judged = judgeSequentialMetric(settings, data.canary, data.baseline ?? [], options)
  const { result } = judged
  if (!settings.guard || !result.sequential) return result
  return withGuard(
    result,
    checkGuard(
      settings.guard,
      settings.direction,
      { values: judged.canary, sorted: sortFloat64(judged.canary) },
      { values: judged.baseline, sorted: sortFloat64(judged.baseline) }
    ),
    settings
  )
}

/**
 * The guard decides only where Kayenta's rule passed: a High or Low stands, and a metric
 * that could not be compared stays an error.
 */
function withGuard(
  result: MetricResult,
  guard: GuardDetails,
  settings: MetricSettings
): MetricResult {
  if (result.classification !== 'Pass') return { ...result, guard }
  if (Number.isNaN(guard.ratio)) {
    return {
      ...result,
      classification: 'Error',
      scoredAs: 'Error',
      reason: `cannot judge: the guard's ratio of ${guard.statistic}s needs values of at least 0 (canary ${formatNumber(guard.canary)}, baseline ${formatNumber(guard.baseline)})`,
      guard
    }
  }
  if (!guard.tripped) return { ...result, guard }
  const classification = guard.tripped === 'max-ratio' ? 'High' : 'Low'
  return {
    ...result,
    classification,
    scoredAs: classification,
    reason: `${guardReason(guard)}; ${result.sequential ? 'the sequential judge alone' : "Kayenta's rule alone"}: ${result.reason}${settings.critical ? '; critical failure' : ''}`,
    criticalFailure: settings.critical,
    guard
  }
}

/** The decision first in JSON, the evidence after it. */
function inReadingOrder(result: MetricResult): MetricResult {
  const {
    name,
    classification,
    reason,
    kind,
    group,
    direction,
    critical,
    criticalFailure,
    scoredAs,
    ...rest
  } = result
  return {
    name,
    classification,
    reason,
    kind,
    group,
    direction,
    critical,
    criticalFailure,
    scoredAs,
    ...rest
  }
}

type ResultBase = Omit<MetricResult, 'classification' | 'reason' | 'criticalFailure' | 'scoredAs'>

/** NoData, and how on-no-data makes it count (Kayenta: Nodata, or NodataFailMetric for mustHaveData). */
function noData(base: ResultBase, settings: MetricSettings, reason: string): MetricResult {
  let scoredAs: KayentaClassification = 'Nodata'
  if (settings.onNoData === 'pass') scoredAs = 'Pass'
  else if (settings.onNoData === 'fail' && !settings.critical) scoredAs = 'NodataFailMetric'
  const criticalFailure = settings.onNoData === 'fail' && settings.critical
  return {
    ...base,
    classification: 'NoData',
    reason: reason + (criticalFailure ? '; critical failure' : ''),
    criticalFailure,
    scoredAs
  }
}

function error(base: ResultBase, why: string, threshold?: MetricResult['threshold']): MetricResult {
  return {
    ...base,
    classification: 'Error',
    reason: `cannot judge: ${why}`,
    criticalFailure: false,
    scoredAs: 'Error',
    ...(threshold ? { threshold } : {})
  }
}

function sideSummary(values: readonly number[], sorted: Float64Array): Summary {
  if (values.length === 0) return { count: 0, min: NaN, max: NaN, mean: NaN, median: NaN, std: NaN }
  return summarize(values, sorted)
}

/** A critical metric without data zeroes Kayenta's score whatever its on-no-data (unless pass). */
function scoreInput(result: MetricResult): ScoreInput {
  const critical =
    result.criticalFailure ||
    (result.scoredAs === 'Nodata' && result.critical && result.onNoData !== 'pass')
  return { classification: result.scoredAs, groups: [result.group], critical }
}

/** Metrics with no result that on-no-data leaves undecided, and errors: these block a pass. */
function undecided(result: MetricResult): boolean {
  return (
    result.classification === 'Error' ||
    (result.classification === 'NoData' && result.onNoData === 'inconclusive')
  )
}

/**
 * The verdict, failing closed: a critical failure fails; metrics without a decision make
 * the run inconclusive unless the others already rule out a pass (scored as if the missing
 * ones had passed); otherwise the score against the pass and marginal thresholds.
 */
function decide(
  results: readonly MetricResult[],
  inputs: readonly ScoreInput[],
  scored: ScoreResult,
  thresholds: ScoreThresholds,
  groupWeights: Record<string, number> | undefined
): { verdict: Verdict; reason: string } {
  if (results.length === 0) {
    return { verdict: 'inconclusive', reason: 'nothing to judge: no metrics' }
  }
  const critical = results.filter((r) => r.criticalFailure)
  if (critical.length > 0) {
    const names = critical.map((r) => `${r.name} (${r.classification})`).join(', ')
    return { verdict: 'fail', reason: `critical metric failed: ${names}` }
  }
  const bad = describeFailures(results)
  const open = results.filter(undecided)
  if (open.length > 0) {
    const names = open.map((r) => `${r.name} (${r.classification})`).join(', ')
    const bestCase = inputs.map((input, i) =>
      undecided(results[i]) ? { ...input, classification: 'Pass' as const, critical: false } : input
    )
    const best = weightedSumScore(bestCase, groupWeights).score
    const label = classifyScore(best, thresholds)
    if (label === 'Pass') {
      return {
        verdict: 'inconclusive',
        reason: `no decision without ${names}; the score would be ${formatNumber(best)} if they passed`
      }
    }
    return {
      verdict: label === 'Marginal' ? 'marginal' : 'fail',
      reason: `score at most ${formatNumber(best)} < pass ${formatNumber(thresholds.pass)} even if ${names} passed${bad}`
    }
  }
  const label = classifyScore(scored.score, thresholds)
  const score = formatNumber(scored.score)
  if (label === 'Pass')
    return { verdict: 'pass', reason: `score ${score} ≥ pass ${formatNumber(thresholds.pass)}` }
  if (label === 'Marginal') {
    return {
      verdict: 'marginal',
      reason: `score ${score} < pass ${formatNumber(thresholds.pass)} (≥ marginal ${formatNumber(thresholds.marginal)})${bad}`
    }
  }
  return {
    verdict: 'fail',
    reason: `score ${score} < marginal ${formatNumber(thresholds.marginal)}${bad}`
  }
}

function describeFailures(results: readonly MetricResult[]): string {
  const failing = results.filter(
    (r) =>
      r.classification === 'High' || r.classification === 'Low' || r.scoredAs === 'NodataFailMetric'
  )
  if (failing.length === 0) return ''
  return `: ${failing.map((r) => `${r.name} ${r.classification}`).join(', ')}`
}
