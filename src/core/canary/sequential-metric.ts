import { formatNumber, noDataReason } from './reasons.js'
import {
  compareSequential,
  DEFAULT_SEQUENTIAL_LEVEL,
  DEFAULT_SPREAD_TOLERANCE,
  pairByStep,
  sequentialSide,
  type Look
} from './sequential.js'
import { escalation } from './settings.js'
import { sortFloat64 } from './sort.js'
import { summarize, type Summary } from './stats.js'
import type { Classification, MetricResult, MetricSettings, SequentialDetails } from './types.js'
import type { RawSample } from './preprocess.js'

export interface SequentialJudgeOptions {
  warmupSamples?: number
  look?: Look
  /** Of the interval at every look; 1 - the chance of a false failure over all looks. */
  sequentialLevel?: number
  /** The analysis' spread tolerance; a metric's own wins. */
  spreadTolerance?: number
}

export interface SequentialJudged {
  result: MetricResult
  /** The paired samples, for a guard. */
  canary: number[]
  baseline: number[]
}

/** One comparison metric judged by the sequential judge (paired, serial-aware, per look). */
export function judgeSequentialMetric(
  settings: MetricSettings,
  canaryRaw: readonly RawSample[],
  baselineRaw: readonly RawSample[],
  options: SequentialJudgeOptions
): SequentialJudged {
  const paired = pairByStep(
    canaryRaw,
    baselineRaw,
    options.warmupSamples ?? 0,
    settings.nanStrategy
  )
  const { canary, baseline } = paired
  const base = {
    name: settings.name,
    group: settings.group,
    direction: settings.direction,
    critical: settings.critical,
    onNoData: settings.onNoData,
    minSamples: settings.minSamples,
    kind: 'comparison' as const,
    samples: paired.counts,
    canary: summary(canary),
    baseline: summary(baseline),
    effectSizeThresholds: settings.effectSize
  }
  const judged = (result: MetricResult) => ({ result, canary, baseline })
  if (canary.length === 0 || canary.length < settings.minSamples) {
    let scoredAs: MetricResult['scoredAs'] = 'Nodata'
    if (settings.onNoData === 'pass') scoredAs = 'Pass'
    else if (settings.onNoData === 'fail' && !settings.critical) scoredAs = 'NodataFailMetric'
    const criticalFailure = settings.onNoData === 'fail' && settings.critical
    const reason = noDataReason(paired.counts.canary, paired.counts.baseline, settings)
    return judged({
      ...base,
      classification: 'NoData',
      reason: `${reason} (pairs of canary and baseline at the same step)${criticalFailure ? '; critical failure' : ''}`,
      criticalFailure,
      scoredAs
    })
  }
  const bad = [...canary, ...baseline].find((v) => !Number.isFinite(v) || v < 0)
  if (bad !== undefined) {
    return judged({
      ...base,
      classification: 'Error',
      reason: `cannot judge: the sequential judge compares ratios of values of at least 0, got ${formatNumber(bad)} (use --method kayenta or a threshold)`,
      criticalFailure: false,
      scoredAs: 'Error'
    })
  }
  const details = compareSequential(canary, baseline, {
    level: options.sequentialLevel ?? DEFAULT_SEQUENTIAL_LEVEL,
    spreadTolerance:
      settings.spreadTolerance ?? options.spreadTolerance ?? DEFAULT_SPREAD_TOLERANCE,
    look: options.look ?? { index: 1, count: 1 }
  })
  const { classification, critical } = classify(details, settings)
  return judged({
    ...base,
    classification,
    reason:
      sequentialReason(classification, details, settings) + (critical ? '; critical failure' : ''),
    criticalFailure: critical,
    scoredAs: classification,
    sequential: details
  })
}

/** High or Low when the interval clears no change in a direction the metric calls bad. */
function classify(
  details: SequentialDetails,
  settings: MetricSettings
): { classification: 'Pass' | 'High' | 'Low'; critical: boolean } {
  const side = sequentialSide(details)
  const ratio = details.scale === 'difference' ? NaN : details.estimate
  const { effectSize, direction } = settings
  const passes = (limit: number, cmp: (a: number, b: number) => boolean) =>
    Number.isNaN(ratio) || effectSize.measure !== 'mean-ratio' || cmp(ratio, limit)
  const escalate = escalation(settings)
  if (
    side === 'above' &&
    direction !== 'decrease' &&
    passes(effectSize.allowedIncrease, (a, b) => a >= b)
  ) {
    const critical = escalate.increase !== undefined && passes(escalate.increase, (a, b) => a >= b)
    return { classification: 'High', critical }
  }
  if (
    side === 'below' &&
    direction !== 'increase' &&
    passes(effectSize.allowedDecrease, (a, b) => a <= b)
  ) {
    const critical = escalate.decrease !== undefined && passes(escalate.decrease, (a, b) => a <= b)
    return { classification: 'Low', critical }
  }
  return { classification: 'Pass', critical: false }
}

export function formatSequentialInterval(d: SequentialDetails): string {
  const value =
    d.scale === 'difference'
      ? `${formatNumber(d.estimate)} [${formatNumber(d.lower)}, ${formatNumber(d.upper)}]`
      : `×${formatNumber(d.estimate)} [${formatNumber(d.lower)}, ${formatNumber(d.upper)}]`
  return `${value} at look ${d.look}/${d.looks}, boundary z ${formatNumber(d.boundary)}`
}

function sequentialReason(
  classification: Classification,
  d: SequentialDetails,
  settings: MetricSettings
): string {
  const what = d.scale === 'difference' ? 'canary - baseline' : 'canary / baseline'
  const none = d.scale === 'difference' ? '0' : '1'
  const evidence =
    `${what} ${formatSequentialInterval(d)} (t ${formatNumber(d.critical)}); ` +
    `${d.pairs} pairs worth ${formatNumber(d.effectiveSamples)} independent (lag-1 ${formatNumber(d.autocorrelation)})` +
    (d.scale === 'difference' ? '' : `, spread tolerance ${formatNumber(d.spreadTolerance * 100)}%`)
  if (classification === 'High') return `increase: the interval is above ${none}: ${evidence}`
  if (classification === 'Low') return `decrease: the interval is below ${none}: ${evidence}`
  const side = sequentialSide(d)
  if (side !== 'across') {
    const why =
      (side === 'above' && settings.direction === 'decrease') ||
      (side === 'below' && settings.direction === 'increase')
        ? `direction ${settings.direction}`
        : 'within the allowed effect size'
    return `a ${side === 'above' ? 'rise' : 'fall'} the metric allows (${why}): ${evidence}`
  }
  return `no clear change: ${evidence}`
}

function summary(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, min: NaN, max: NaN, mean: NaN, median: NaN, std: NaN }
  return summarize(values, sortFloat64(values))
}
