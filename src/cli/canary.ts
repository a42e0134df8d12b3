import path from 'node:path'
import {
  analysisSettings,
  defaultMetricSettings,
  judge,
  judgementJson,
  judgementMarkdown,
  metricSettings,
  parseSamplesFile,
  type Direction,
  type JudgeMethod,
  type Look,
  type MetricData,
  type SampleSet,
  type Verdict
} from '../core/canary/index.js'
import { parseConfig, type AnalysisConfig } from '../core/config/index.js'
import { formatUserError, UserError, UserErrors } from '../core/errors.js'
import { INPUT_LIMITS, readInputFile } from '../core/input-file.js'
import { runAnalysis } from '../core/canary/analysis.js'
import { parseDuration } from '../core/duration.js'
import { PrometheusProvider } from '../core/metrics/prometheus.js'
import { prometheusOptions } from '../core/metrics/prometheus-config.js'
import { parseOptions, UsageError, type Io } from './io.js'

/** pass 0; fail or marginal 1; usage and input errors 2; inconclusive 3. */
export const CANARY_EXIT: Record<Verdict | 'usage', number> = {
  pass: 0,
  marginal: 1,
  fail: 1,
  usage: 2,
  inconclusive: 3
}

export const CANARY_HELP = `Usage: slipway canary judge --baseline FILE --canary FILE [options]

Judges canary samples against baseline samples, metric by metric, and scores them the
Kayenta way. FILE is {"metrics": {"<name>": [numbers or null]}} (null is a missing sample,
in time order; the n-th samples of both files are the same step).

Options:
  --baseline FILE            the baseline's samples (required)
  --canary FILE              the canary's samples (required)
  --config FILE              take per-metric settings, weights and thresholds from the
                             analysis section of this slipway.yaml
  --direction NAME=DIR       which change of metric NAME is bad: increase, decrease or
                             either (default either); repeatable, overrides the config
  --warmup-samples N         drop the first N samples of every series
  --method sequential|kayenta
                             the judge of every comparison metric: sequential (paired by
                             step, autocorrelation-aware, valid at every look) or kayenta
                             (Kayenta's Mann-Whitney rule); default the config's
                             analysis.judge and per-metric judge, else kayenta
  --look K --looks N         sequential: this is look K of N (the live loop's K-th of
                             duration / interval judgements); default a single look
  --format json|markdown     output format (default json)

Prints {"verdict", "score", "reason", "metrics": [{"name", "classification", "reason", ...}]}.
Exit codes: 0 pass, 1 fail or marginal, 2 usage or input error, 3 inconclusive.

Usage: slipway canary analyze --env NAME [--prometheus URL] [--config FILE]
                              [--duration D] [--interval D] [--format json|markdown]

Runs the live analysis of slipway.yaml's analysis section against Prometheus: judges the
canary at every interval over the duration, stops early on a critical failure or above the
failure limit, and prints the final verdict (same exit codes). PROMETHEUS_TOKEN, when set,
is sent as a bearer token. A metrics outage is inconclusive, never a pass.
`

const DIRECTIONS: readonly Direction[] = ['increase', 'decrease', 'either']

export async function canaryCommand(args: string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args
  try {
    if (subcommand === 'judge') return await judgeCommand(rest, io)
    if (subcommand === 'analyze') return await analyzeCommand(rest, io)
    throw new UsageError(
      subcommand
        ? `unknown subcommand "${subcommand}" (see slipway help canary)`
        : 'expected a subcommand: judge or analyze'
    )
  } catch (error) {
    if (error instanceof UserError) {
      const errors = error instanceof UserErrors ? error.errors : [error]
      for (const each of errors) io.err(`slipway canary ${subcommand}: ${formatUserError(each)}\n`)
      return CANARY_EXIT.usage
    }
    if (error instanceof UsageError) {
      io.err(`slipway canary${subcommand ? ` ${subcommand}` : ''}: ${error.message}\n`)
      return CANARY_EXIT.usage
    }
    throw error
  }
}

async function analyzeCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, {
    env: { type: 'string' },
    prometheus: { type: 'string' },
    config: { type: 'string' },
    duration: { type: 'string' },
    interval: { type: 'string' },
    format: { type: 'string' }
  })
  const format = values.format ?? 'json'
  if (format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format must be json or markdown, got "${format}"`)
  }
  if (!values.env) throw new UsageError('--env is required')
  const durationMs = durationOption('--duration', values.duration)
  const intervalMs = durationOption('--interval', values.interval)
  const configFile = values.config ?? 'slipway.yaml'
  const config = parseConfig(await readInput(configFile, io, 'config file'), configFile)
  const env = Object.hasOwn(config.environments, values.env)
    ? config.environments[values.env]
    : undefined
  if (!env) throw new UserError(`environment "${values.env}" is not defined`, { file: configFile })
  const analysis = config.analysis
  if (!analysis || analysis.metrics.length === 0) {
    throw new UserError('no analysis.metrics to judge the canary by', { file: configFile })
  }
  if (!values.prometheus && !analysis.provider?.prometheus.url) {
    throw new UsageError('--prometheus is required: the config names no Prometheus')
  }
  const options = prometheusOptions(analysis.provider?.prometheus, {
    url: values.prometheus,
    bearerToken: process.env.PROMETHEUS_TOKEN || undefined
  })

  const result = await runAnalysis({
    provider: new PrometheusProvider(options),
    analysis,
    durationMs,
    intervalMs,
    values: { environment: values.env, namespace: env.namespace },
    onMeasurement: (m) =>
      io.err(
        m.kind === 'error'
          ? `${m.at.toISOString()} metrics error: ${m.error}\n`
          : `${m.at.toISOString()} ${m.judgement.verdict} (score ${m.judgement.score})\n`
      )
  })
  const judgement = result.last?.judgement
  if (format === 'markdown') {
    io.out(
      `**${result.verdict}**: ${result.reason}\n\n${judgement ? judgementMarkdown(judgement) : ''}`
    )
  } else {
    const { verdict, reason, counts } = result
    io.out(
      JSON.stringify(
        { verdict, reason, counts, score: judgement?.score ?? 0, judgement },
        null,
        2
      ) + '\n'
    )
  }
  return CANARY_EXIT[result.verdict]
}

function durationOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const ms = parseDuration(value)
  if (ms === undefined)
    throw new UsageError(`${name} must be a duration such as 30s or 5m, got "${value}"`)
  return ms
}

async function judgeCommand(args: string[], io: Io): Promise<number> {
  const values = parseOptions(args, {
    baseline: { type: 'string' },
    canary: { type: 'string' },
    config: { type: 'string' },
    direction: { type: 'string', multiple: true },
    'warmup-samples': { type: 'string' },
    method: { type: 'string' },
    look: { type: 'string' },
    looks: { type: 'string' },
    format: { type: 'string' }
  })
  const format = values.format ?? 'json'
  if (format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format must be json or markdown, got "${format}"`)
  }
  if (!values.baseline) throw new UsageError('--baseline is required')
  if (!values.canary) throw new UsageError('--canary is required')
  const warmupSamples = parseWarmup(values['warmup-samples'])
  const method = parseMethod(values.method)
  const look = parseLook(values.look, values.looks)
  const directions = parseDirections(values.direction ?? [])

  const baseline = parseSamplesFile(
    await readInput(values.baseline, io, 'samples file'),
    values.baseline
  )
  const canary = parseSamplesFile(await readInput(values.canary, io, 'samples file'), values.canary)
  const analysis = values.config
    ? parseConfig(await readInput(values.config, io, 'config file'), values.config).analysis
    : undefined

  const metrics = metricData(baseline, canary, analysis)
  for (const name of directions.keys()) {
    if (!metrics.some((m) => m.settings.name === name)) {
      throw new UsageError(`--direction ${name}=...: no metric "${name}" in the data or the config`)
    }
  }
  for (const m of metrics) {
    const direction = directions.get(m.settings.name)
    if (direction) m.settings = { ...m.settings, direction }
  }

  const settings = analysisSettings(analysis)
  const judgement = judge(metrics, {
    confidenceLevel: settings.confidenceLevel,
    thresholds: settings.thresholds,
    groupWeights: settings.groupWeights,
    warmupSamples,
    method: method ?? analysis?.judge ?? 'kayenta',
    forceMethod: method !== undefined,
    look,
    sequentialLevel: analysis?.['sequential-level'],
    spreadTolerance: analysis?.['spread-tolerance']
  })
  io.out(format === 'markdown' ? judgementMarkdown(judgement) : judgementJson(judgement))
  return CANARY_EXIT[judgement.verdict]
}

/**
 * Configured metrics first, in config order, then metrics only the data has (with
 * defaults). A configured metric missing from both files is judged too: NoData.
 */
function metricData(
  baseline: SampleSet,
  canary: SampleSet,
  analysis?: AnalysisConfig
): MetricData[] {
  const configured = analysis?.metrics ?? []
  const names = new Set(configured.map((m) => m.name))
  const extra = [...new Set([...canary.keys(), ...baseline.keys()])].filter((n) => !names.has(n))
  return [
    ...configured.map((m) => ({
      settings: metricSettings(m, analysis),
      canary: canary.get(m.name) ?? [],
      baseline: baseline.get(m.name) ?? []
    })),
    ...extra.map((name) => ({
      settings: defaultMetricSettings(name, analysis),
      canary: canary.get(name) ?? [],
      baseline: baseline.get(name) ?? []
    }))
  ]
}

async function readInput(file: string, io: Io, what: string): Promise<string> {
  return readInputFile(path.resolve(io.cwd, file), INPUT_LIMITS.samplesBytes, what, file)
}

function parseDirections(flags: string[]): Map<string, Direction> {
  const directions = new Map<string, Direction>()
  for (const flag of flags) {
    const at = flag.lastIndexOf('=')
    const name = flag.slice(0, at)
    const direction = flag.slice(at + 1) as Direction
    if (at <= 0 || !DIRECTIONS.includes(direction)) {
      throw new UsageError(`--direction expects NAME=increase|decrease|either, got "${flag}"`)
    }
    directions.set(name, direction)
  }
  return directions
}

function parseMethod(value: string | undefined): JudgeMethod | undefined {
  if (value === undefined || value === 'sequential' || value === 'kayenta') return value
  throw new UsageError(`--method must be sequential or kayenta, got "${value}"`)
}

function parseLook(look: string | undefined, looks: string | undefined): Look | undefined {
  if (look === undefined && looks === undefined) return undefined
  const whole = (text: string | undefined) =>
    text !== undefined && /^[1-9]\d*$/.test(text) ? Number(text) : undefined
  const index = whole(look)
  const count = whole(looks)
  if (index === undefined || count === undefined || index > count) {
    throw new UsageError(
      `--look K --looks N expects whole numbers 1 <= K <= N, got --look ${look ?? '(none)'} --looks ${looks ?? '(none)'}`
    )
  }
  return { index, count }
}

function parseWarmup(value: string | undefined): number {
  if (value === undefined) return 0
  if (!/^\d+$/.test(value))
    throw new UsageError(`--warmup-samples expects a whole number, got "${value}"`)
  return Number(value)
}
