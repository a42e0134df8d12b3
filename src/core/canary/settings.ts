import type { AnalysisConfig, MetricConfig } from '../config/schema.js'
import { KAYENTA_CONFIDENCE_LEVEL } from './classify.js'
import { DEFAULT_OUTLIER_FACTOR } from './outliers.js'
import { DEFAULT_SCORE_THRESHOLDS } from './score.js'
import type { Direction, EffectSizeMeasure, MetricSettings } from './types.js'

/**
 * Kayenta has no minimum sample size and calls 2 vs 2 non-overlapping points High (exact
 * p = 1/3). At 10 per side the exact rank-sum test can reach p ~ 1e-5, well past the
 * stricter level Kayenta's tolerance rule implies (about 0.002), and a 5-minute window at
 * a 30-second step yields 10 points. Spinnaker advises 50; set min-samples for that.
 */
export const DEFAULT_MIN_SAMPLES = 10

export interface AnalysisSettings {
  confidenceLevel: number
  minSamples: number
  thresholds: { pass: number; marginal: number }
  groupWeights: Record<string, number>
}

export function analysisSettings(analysis?: AnalysisConfig): AnalysisSettings {
  return {
    confidenceLevel: analysis?.['confidence-level'] ?? KAYENTA_CONFIDENCE_LEVEL,
    minSamples: analysis?.['min-samples'] ?? DEFAULT_MIN_SAMPLES,
    thresholds: analysis?.thresholds ?? DEFAULT_SCORE_THRESHOLDS,
    groupWeights: analysis?.groups ?? {}
  }
}

/** Kayenta's defaults: allowed and critical effect sizes 1.0, or 0.5 for CLES. */
function neutralEffectSize(measure: EffectSizeMeasure): number {
  return measure === 'cles' ? 0.5 : 1
}

/** Settings of a metric that has data but no entry in the config. */
export function defaultMetricSettings(name: string, analysis?: AnalysisConfig): MetricSettings {
  return {
    name,
    group: 'default',
    direction: 'either',
    critical: false,
    effectSize: { measure: 'mean-ratio', allowedIncrease: 1, allowedDecrease: 1 },
    onNoData: 'inconclusive',
    minSamples: analysisSettings(analysis).minSamples,
    nanStrategy: 'remove',
    outliers: { strategy: 'keep', factor: DEFAULT_OUTLIER_FACTOR }
  }
}

export function metricSettings(metric: MetricConfig, analysis?: AnalysisConfig): MetricSettings {
  const effect = metric['effect-size']
  const measure = effect?.measure ?? 'mean-ratio'
  const neutral = neutralEffectSize(measure)
  return {
    name: metric.name,
    group: metric.group,
    direction: metric.direction,
    critical: metric.critical,
    effectSize: {
      measure,
      allowedIncrease: effect?.['allowed-increase'] ?? neutral,
      allowedDecrease: effect?.['allowed-decrease'] ?? neutral,
      criticalIncrease: effect?.['critical-increase'],
      criticalDecrease: effect?.['critical-decrease']
    },
    threshold: metric.threshold && {
      min: metric.threshold.min,
      max: metric.threshold.max,
      aggregate: metric.threshold.aggregate
    },
    onNoData: metric['on-no-data'],
    // Thresholds judge one value; they need more only when the metric says so.
    minSamples:
      metric['min-samples'] ?? (metric.threshold ? 1 : analysisSettings(analysis).minSamples),
    nanStrategy: metric['nan-strategy'],
    outliers: {
      strategy: metric.outliers?.strategy ?? 'keep',
      factor: metric.outliers?.factor ?? DEFAULT_OUTLIER_FACTOR
    },
    ...(metric.judge ? { judge: metric.judge } : {}),
    ...(metric['spread-tolerance'] !== undefined
      ? { spreadTolerance: metric['spread-tolerance'] }
      : {}),
    ...(metric.guard
      ? {
          guard: {
            maxRatio: metric.guard['max-ratio'],
            minRatio: metric.guard['min-ratio'],
            percentile: metric.guard.percentile
          }
        }
      : {})
  }
}

/**
 * When a High or Low becomes a critical failure. A critical metric escalates at Kayenta's
 * critical effect sizes (default 1, or 0.5 for CLES: every High or Low); another metric
 * only past a critical size the user set.
 */
export function escalation(settings: MetricSettings): { increase?: number; decrease?: number } {
  const { effectSize } = settings
  const neutral = settings.critical ? neutralEffectSize(effectSize.measure) : undefined
  return {
    increase: effectSize.criticalIncrease ?? neutral,
    decrease: effectSize.criticalDecrease ?? neutral
  }
}

export function withDirection(settings: MetricSettings, direction: Direction): MetricSettings {
  return { ...settings, direction }
}
