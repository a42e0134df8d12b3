import type { Summary } from './stats.js'

export type Direction = 'increase' | 'decrease' | 'either'

/** slipway's outcome for one metric. */
export type Classification = 'Pass' | 'High' | 'Low' | 'NoData' | 'Error'

/** Kayenta's labels; Nodata and NodataFailMetric are both NoData in slipway's vocabulary. */
export type KayentaClassification =
  'Pass' | 'High' | 'Low' | 'Nodata' | 'NodataFailMetric' | 'Error'

export type NanStrategy = 'remove' | 'replace'
/** Which judge compares a metric with the baseline (docs/canary.md). */
export type JudgeMethod = 'sequential' | 'kayenta'
export type OnNoData = 'fail' | 'inconclusive' | 'pass'
export type EffectSizeMeasure = 'mean-ratio' | 'cles'
export type ThresholdAggregate = 'mean' | 'median' | 'max' | 'min' | 'last'
export type Verdict = 'pass' | 'marginal' | 'fail' | 'inconclusive'

export interface OutlierSettings {
  strategy: 'keep' | 'remove'
  factor: number
}

export interface EffectSizeSettings {
  measure: EffectSizeMeasure
  /** High needs effect size >= this (mean ratio, or CLES). */
  allowedIncrease: number
  /** Low needs effect size <= this. */
  allowedDecrease: number
  /** A High at or beyond this is a critical failure; absent: never (unless the metric is critical). */
  criticalIncrease?: number
  criticalDecrease?: number
}

export interface ThresholdSettings {
  min?: number
  max?: number
  aggregate: ThresholdAggregate
}

/** slipway's limit on canary / baseline, beside Kayenta's rule (docs/canary.md). */
export interface GuardSettings {
  maxRatio?: number
  minRatio?: number
  /** Compare this percentile instead of the mean. */
  percentile?: number
}

export interface GuardDetails {
  /** `mean`, or `p90` for a percentile. */
  statistic: string
  canary: number
  baseline: number
  /** canary / baseline; Infinity when only the baseline is 0, NaN for negative values. */
  ratio: number
  maxRatio?: number
  minRatio?: number
  /** Which limit the ratio crossed, in a direction the metric calls bad. */
  tripped?: 'max-ratio' | 'min-ratio'
}

/** Everything the judge needs to know about one metric, defaults resolved. */
export interface MetricSettings {
  name: string
  group: string
  direction: Direction
  critical: boolean
  effectSize: EffectSizeSettings
  threshold?: ThresholdSettings
  onNoData: OnNoData
  /** Fewer usable samples than this on either side is NoData. */
  minSamples: number
  nanStrategy: NanStrategy
  outliers: OutlierSettings
  guard?: GuardSettings
  /** The judge for this metric; absent: the analysis' (JudgeOptions.method). */
  judge?: JudgeMethod
  /** Sequential judge: the spread between healthy deployments to allow, as a ratio (0.03: 3 %). */
  spreadTolerance?: number
}

export interface SampleCounts {
  /** Samples received, missing ones included. */
  raw: number
  /** Dropped from the start as warm-up. */
  warmup: number
  /** null or NaN after the warm-up (removed, or replaced by 0 with nan-strategy replace). */
  missing: number
  /** Removed as outliers. */
  outliers: number
  /** Used for the decision. */
  used: number
}

/** The values behind a comparison with the baseline. */
export interface ComparisonDetails {
  /** Shift canary - baseline: Kayenta's continuity-corrected Hodges-Lehmann-type estimate. */
  estimate: number
  ciLower: number
  ciUpper: number
  confidenceLevel: number
  /** The interval must clear +-band (tolerance * |estimate|) for High or Low. */
  band: number
  tolerance: number
  /** Two-sided Wilcoxon rank-sum p-value as R computes it (exact for small samples without ties). */
  pValue: number
  pValueMethod: 'exact' | 'asymptotic'
  /** mean(canary) / mean(baseline); NaN (null in JSON) when either mean is 0. */
  meanRatio: number
  effectSize: number
  effectSizeMeasure: EffectSizeMeasure
  /** Both series were constant and got Kayenta's noise, made deterministic (see classify.ts). */
  jittered: boolean
  /**
   * The possible shifts span less than 100 times the root finder's absolute tolerance
   * (1e-4, Kayenta's and R's), so the interval is coarse: scale the metric (ms, not s).
   */
  coarse: boolean
}

/** The sequential judge's evidence at one look (src/core/canary/sequential.ts). */
export interface SequentialDetails {
  /**
   * `log`: geometric-mean ratio from paired log-ratios (all samples positive); `ratio-of-means`:
   * mean(canary) / mean(baseline) (zeros present, e.g. error ratios); `difference`:
   * mean(canary - baseline), when one side's mean is 0 and no ratio exists.
   */
  scale: 'log' | 'ratio-of-means' | 'difference'
  /** canary / baseline on the ratio scales, canary - baseline on `difference`. */
  estimate: number
  lower: number
  upper: number
  /** This judgement is look `look` of `looks` (1 of 1: a single judgement). */
  look: number
  looks: number
  /** The group-sequential boundary for this look on the z scale (O'Brien-Fleming-type). */
  boundary: number
  /** The multiplier of the standard error actually used: the boundary as a t quantile. */
  critical: number
  /** 1 - the chance of wrongly failing an unchanged metric at any of the looks. */
  level: number
  spreadTolerance: number
  pairs: number
  /** Pairs divided by the AR(1) variance inflation: independent samples the mean is worth. */
  effectiveSamples: number
  /** Lag-1 autocorrelation of the paired differences as used (bias-corrected, conservative). */
  autocorrelation: number
  /** Standard error of the log-ratio (or of the difference) from the samples alone. */
  standardError: number
}

export interface ThresholdDetails {
  aggregate: ThresholdAggregate
  value: number
  min?: number
  max?: number
}

export interface MetricResult {
  name: string
  classification: Classification
  /** One line a person can check. */
  reason: string
  kind: 'comparison' | 'threshold'
  group: string
  direction: Direction
  critical: boolean
  /** This result alone fails the run. */
  criticalFailure: boolean
  /** How the result entered the score, in Kayenta's labels. */
  scoredAs: KayentaClassification
  onNoData: OnNoData
  minSamples: number
  samples: { canary: SampleCounts; baseline?: SampleCounts }
  canary: Summary
  baseline?: Summary
  comparison?: ComparisonDetails
  sequential?: SequentialDetails
  threshold?: ThresholdDetails
  effectSizeThresholds?: EffectSizeSettings
  guard?: GuardDetails
}

export interface GroupScore {
  name: string
  /** Share of countable results that passed, 0-100 (0 when nothing was countable). */
  score: number
  /** Nothing countable: counts as 100 in the summary, as in Kayenta. */
  noData: boolean
  weight: number
}

export interface ScoreThresholds {
  pass: number
  marginal: number
}

export interface Judgement {
  verdict: Verdict
  /** Kayenta's weighted-sum score, 0-100, 2 decimals. */
  score: number
  reason: string
  /** A critical metric failed: the run fails now, whatever else happens. */
  criticalFailure: boolean
  thresholds: ScoreThresholds
  groups: GroupScore[]
  metrics: MetricResult[]
}
