import type { AnalysisConfig } from '../config/schema.js'
import { parseDuration } from '../duration.js'
import type { MetricsProvider } from '../metrics/provider.js'
import { judge, type MetricData } from './judge.js'
import { analyzeLive, type LiveResult, type Measurement, type Samples } from './live.js'
import { analysisSettings, metricSettings } from './settings.js'
import type { Look } from './sequential.js'
import type { JudgeMethod, Judgement } from './types.js'

/** Argo Rollouts' default consecutiveErrorLimit. */
export const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4

export interface AnalysisRun {
  provider: MetricsProvider
  analysis: AnalysisConfig
  /** Placeholders for queries besides {selector}, e.g. namespace and environment. */
  values?: Record<string, string>
  start?: Date
  /** Overrides of the config's timing, in milliseconds. */
  durationMs?: number
  intervalMs?: number
  onMeasurement?: (measurement: Measurement<Judgement>) => void
}

export interface JudgeSamplesOptions {
  /** The judge for metrics that do not name one; default analysis.judge, else Kayenta's. */
  method?: JudgeMethod
  look?: Look
}

/** Judges one set of samples with the metric settings of the config. */
export function judgeSamples(
  analysis: AnalysisConfig,
  canary: Samples,
  baseline: Samples,
  options: JudgeSamplesOptions = {}
): Judgement {
  const settings = analysisSettings(analysis)
  const metrics: MetricData[] = analysis.metrics.map((metric) => ({
    settings: metricSettings(metric, analysis),
    canary: canary.get(metric.name) ?? [],
    baseline: baseline.get(metric.name) ?? []
  }))
  return judge(metrics, {
    confidenceLevel: settings.confidenceLevel,
    thresholds: settings.thresholds,
    groupWeights: settings.groupWeights,
    method: options.method ?? analysis.judge ?? 'kayenta',
    look: options.look,
    sequentialLevel: analysis['sequential-level'],
    spreadTolerance: analysis['spread-tolerance']
  })
}

/** The live analysis of slipway.yaml's `analysis` section against a metrics provider. */
export function runAnalysis(run: AnalysisRun): Promise<LiveResult<Judgement>> {
  const { analysis } = run
  const ms = (text: string) => parseDuration(text) ?? 0
  return analyzeLive({
    provider: run.provider,
    metrics: analysis.metrics.map((m) => ({ name: m.name, query: m.query })),
    canary: analysis.canary ?? { track: 'canary' },
    baseline: analysis.baseline ?? { track: 'baseline' },
    values: run.values,
    // Kayenta's judge stays the default: against the real Prometheus the sequential judge passed
    // a canary answering 5xx (docs/canary.md), so it is opt-in until that is understood.
    judge: (canary, baseline, look) =>
      judgeSamples(analysis, canary, baseline, {
        method: analysis.judge ?? 'kayenta',
        look
      }),
    start: run.start ?? new Date(),
    intervalMs: run.intervalMs ?? ms(analysis.interval),
    durationMs: run.durationMs ?? ms(analysis.duration),
    warmupMs: ms(analysis.warmup),
    stepSeconds: Math.max(1, Math.round(ms(analysis.step) / 1000)),
    failureLimit: analysis['failure-limit'],
    inconclusiveLimit: analysis['inconclusive-limit'],
    consecutiveErrorLimit: analysis['consecutive-error-limit'],
    onMeasurement: run.onMeasurement
  })
}
