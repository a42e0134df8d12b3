import { describe, expect, it } from '@jest/globals'
import { analyzeLive, type Judgement, type LiveOptions } from '../../src/core/canary/live.js'
import { MetricsError, type MetricsProvider } from '../../src/core/metrics/provider.js'

// The loop's rules (limits, early stops, outages) over a scripted provider and a fake clock;
// test/integration/canary-live.test.ts runs it against the real Prometheus.

type Step = Judgement | 'outage'

function scripted(steps: Step[]) {
  let now = 0
  let index = -1
  const provider: MetricsProvider = {
    name: 'scripted',
    range: async () => {
      const step = steps[Math.min(index, steps.length - 1)]
      if (step === 'outage') throw new MetricsError('prometheus did not answer (ECONNREFUSED)')
      return [1, 2, 3]
    }
  }
  const options: LiveOptions<Judgement> = {
    provider,
    metrics: [{ name: 'latency', query: 'q{{selector}}' }],
    canary: { track: 'canary' },
    baseline: { track: 'baseline' },
    judge: () => steps[Math.min(index, steps.length - 1)] as Judgement,
    start: new Date(0),
    intervalMs: 60_000,
    durationMs: 300_000,
    warmupMs: 0,
    stepSeconds: 10,
    failureLimit: 0,
    inconclusiveLimit: -1,
    consecutiveErrorLimit: 2,
    clock: {
      now: () => now,
      sleep: async (ms) => {
        now += ms
        index++
      }
    }
  }
  return options
}

const pass: Judgement = { verdict: 'pass', score: 100, criticalFailure: false }
const fail: Judgement = { verdict: 'fail', score: 50, criticalFailure: false }
const marginal: Judgement = { verdict: 'marginal', score: 80, criticalFailure: false }
const critical: Judgement = { verdict: 'fail', score: 0, criticalFailure: true }
const unsure: Judgement = { verdict: 'inconclusive', score: 0, criticalFailure: false }

describe('live canary analysis', () => {
  it('judges at every interval over the duration and passes on a passing last judgement', async () => {
    const result = await analyzeLive(scripted([pass]))
    expect(result.verdict).toBe('pass')
    expect(result.measurements.map((m) => m.at.getTime() / 60_000)).toEqual([1, 2, 3, 4, 5])
    expect(result.measurements.every((m) => m.window.start.getTime() === 0)).toBe(true)
  })

  it('starts the window after the warm-up', async () => {
    const result = await analyzeLive({ ...scripted([pass]), warmupMs: 120_000 })
    expect(result.measurements.map((m) => m.at.getTime() / 60_000)).toEqual([3, 4, 5])
    expect(result.measurements[0].window.start.getTime()).toBe(120_000)
  })

  it('fails early on a clear regression', async () => {
    const result = await analyzeLive(scripted([pass, fail]))
    expect(result.verdict).toBe('fail')
    expect(result.measurements).toHaveLength(2)
  })

  it('allows failures up to the failure limit', async () => {
    const result = await analyzeLive({ ...scripted([fail, fail, pass]), failureLimit: 2 })
    expect(result).toMatchObject({ verdict: 'pass', counts: { failures: 2 } })
    const over = await analyzeLive({ ...scripted([fail, fail, fail, pass]), failureLimit: 2 })
    expect(over.verdict).toBe('fail')
    expect(over.reason).toMatch(/failed 3 time\(s\) \(limit 2\)/)
  })

  it('stops at once on a critical failure, whatever the failure limit', async () => {
    const result = await analyzeLive({ ...scripted([pass, critical]), failureLimit: 10 })
    expect(result.verdict).toBe('fail')
    expect(result.reason).toMatch(/critical/)
    expect(result.measurements).toHaveLength(2)
  })

  it('takes the last judgement as the verdict: marginal at the end is not a pass', async () => {
    const result = await analyzeLive(scripted([pass, pass, pass, pass, marginal]))
    expect(result.verdict).toBe('marginal')
  })

  it('ends inconclusive above the inconclusive limit when one is set', async () => {
    const result = await analyzeLive({ ...scripted([unsure]), inconclusiveLimit: 1 })
    expect(result.verdict).toBe('inconclusive')
    expect(result.measurements).toHaveLength(2)
    const unlimited = await analyzeLive(scripted([unsure, unsure, pass]))
    expect(unlimited.verdict).toBe('pass')
  })

  it('never passes through a metrics outage', async () => {
    const result = await analyzeLive(scripted(['outage']))
    expect(result.verdict).toBe('inconclusive')
    expect(result.reason).toMatch(
      /metrics unavailable 3 times in a row \(limit 2\): .*ECONNREFUSED/
    )
  })

  it('forgives errors below the consecutive limit, but not an outage at the end', async () => {
    const recovered = await analyzeLive(scripted([pass, 'outage', 'outage', pass]))
    expect(recovered).toMatchObject({ verdict: 'pass', counts: { errors: 2 } })
    const atEnd = await analyzeLive(scripted([pass, pass, pass, 'outage', 'outage']))
    expect(atEnd.verdict).toBe('inconclusive')
    expect(atEnd.reason).toMatch(/last measurement failed/)
  })
})
