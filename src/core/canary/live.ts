import { errorMessage } from '../errors.js'
import type { MetricsProvider, Window } from '../metrics/provider.js'
import { renderQuery } from '../metrics/provider.js'
import type { Verdict } from './types.js'

/** What the judge says about one set of samples; the loop needs only these fields. */
export interface Judgement {
  verdict: Verdict
  score: number
  /** A critical metric failed: stop at once, whatever the limits say. */
  criticalFailure: boolean
}

/** Samples per metric name; a Map, since metric names are data (even `__proto__`). */
export type Samples = ReadonlyMap<string, number[]>
/** Look `index` of `count`: the judgement's place among the loop's scheduled judgements. */
export interface LiveLook {
  index: number
  count: number
}
export type Judge<J extends Judgement> = (canary: Samples, baseline: Samples, look: LiveLook) => J

export interface LiveMetric {
  name: string
  query: string
}

export interface LiveOptions<J extends Judgement> {
  provider: MetricsProvider
  metrics: LiveMetric[]
  canary: Record<string, string>
  baseline: Record<string, string>
  /** Extra placeholders for queries, e.g. {namespace}. */
  values?: Record<string, string>
  judge: Judge<J>
  start: Date
  intervalMs: number
  durationMs: number
  warmupMs: number
  stepSeconds: number
  /** Argo Rollouts' limits: the analysis ends when a count goes above its limit. */
  failureLimit: number
  /** -1: inconclusive judgements before the end do not stop the analysis. */
  inconclusiveLimit: number
  consecutiveErrorLimit: number
  clock?: { now: () => number; sleep: (ms: number) => Promise<void> }
  onMeasurement?: (measurement: Measurement<J>) => void
}

export type Measurement<J extends Judgement> =
  | {
      at: Date
      window: Window
      kind: 'judgement'
      judgement: J
      canary: Samples
      baseline: Samples
    }
  | { at: Date; window: Window; kind: 'error'; error: string }

export interface LiveResult<J extends Judgement> {
  verdict: Verdict
  /** One line a person understands: why the analysis ended the way it did. */
  reason: string
  measurements: Measurement<J>[]
  last?: Extract<Measurement<J>, { kind: 'judgement' }>
  counts: { failures: number; inconclusive: number; errors: number }
}

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
}

/**
 * Judges the canary at every interval over the duration, on a window that grows from the
 * end of the warm-up (Kayenta's default). Stops early on a critical failure or when a
 * count goes above its limit; otherwise the last judgement is the verdict. A metrics
 * outage is an error: it never passes.
 */
export async function analyzeLive<J extends Judgement>(
  options: LiveOptions<J>
): Promise<LiveResult<J>> {
  const clock = options.clock ?? realClock
  const begin = options.start.getTime() + options.warmupMs
  const end = options.start.getTime() + options.durationMs
  const measurements: Measurement<J>[] = []
  const counts = { failures: 0, inconclusive: 0, errors: 0 }
  let consecutiveErrors = 0
  let last: Extract<Measurement<J>, { kind: 'judgement' }> | undefined
  const firstAt = Math.max(begin, options.start.getTime()) + options.intervalMs
  const looks = Math.max(1, Math.ceil((end - firstAt) / options.intervalMs) + 1)
  let look = 0

  const finish = (verdict: Verdict, reason: string): LiveResult<J> => ({
    verdict,
    reason,
    measurements,
    last,
    counts
  })

  for (let at = firstAt; ; at += options.intervalMs) {
    const due = Math.min(at, end)
    const wait = due - clock.now()
    if (wait > 0) await clock.sleep(wait)
    const window: Window = {
      start: new Date(begin),
      end: new Date(due),
      stepSeconds: options.stepSeconds
    }
    look = Math.min(look + 1, looks)
    const measurement = await measure(options, window, { index: look, count: looks })
    measurements.push(measurement)
    options.onMeasurement?.(measurement)

    if (measurement.kind === 'error') {
      counts.errors++
      consecutiveErrors++
      if (consecutiveErrors > options.consecutiveErrorLimit) {
        return finish(
          'inconclusive',
          `metrics unavailable ${consecutiveErrors} times in a row (limit ${options.consecutiveErrorLimit}): ${measurement.error}`
        )
      }
    } else {
      consecutiveErrors = 0
      last = measurement
      const { verdict, score, criticalFailure } = measurement.judgement
      if (criticalFailure) return finish('fail', `a critical metric failed (score ${score})`)
      if (verdict === 'fail' && ++counts.failures > options.failureLimit) {
        return finish(
          'fail',
          `score ${score} failed ${counts.failures} time(s) (limit ${options.failureLimit})`
        )
      }
      if (
        verdict === 'inconclusive' &&
        ++counts.inconclusive > options.inconclusiveLimit &&
        options.inconclusiveLimit >= 0
      ) {
        return finish(
          'inconclusive',
          `inconclusive ${counts.inconclusive} time(s) (limit ${options.inconclusiveLimit})`
        )
      }
    }
    if (due >= end) break
    // Measuring can take longer than the analysis (a slow judge or metrics system): the
    // duration still ends it, and a window cut short is no final judgement.
    if (clock.now() >= end) {
      return finish(
        'inconclusive',
        `the analysis passed its deadline (duration ${formatMs(options.durationMs)}) before the judgement at its end`
      )
    }
  }

  if (!last) return finish('inconclusive', 'no judgement could be made: every measurement failed')
  if (measurements[measurements.length - 1].kind === 'error') {
    return finish('inconclusive', 'the last measurement failed, so there is no final judgement')
  }
  const { verdict, score } = last.judgement
  return finish(verdict, `final judgement: ${verdict} with score ${score}`)
}

async function measure<J extends Judgement>(
  options: LiveOptions<J>,
  window: Window,
  look: LiveLook
): Promise<Measurement<J>> {
  const at = new Date(window.end)
  try {
    const fetchSide = async (selector: Record<string, string>) => {
      const entries = await Promise.all(
        options.metrics.map(
          async (m) =>
            [
              m.name,
              await options.provider.range(renderQuery(m.query, selector, options.values), window)
            ] as const
        )
      )
      return new Map(entries) as Samples
    }
    const [canary, baseline] = await Promise.all([
      fetchSide(options.canary),
      fetchSide(options.baseline)
    ])
    return {
      at,
      window,
      kind: 'judgement',
      judgement: options.judge(canary, baseline, look),
      canary,
      baseline
    }
  } catch (error) {
    return { at, window, kind: 'error', error: errorMessage(error) }
  }
}

function formatMs(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000}m` : `${ms / 1000}s`
}
