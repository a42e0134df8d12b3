import { describe, expect, it, jest } from '@jest/globals'
import {
  defaultMetricSettings,
  judgeMetric,
  type MetricSettings
} from '../../src/core/canary/index.js'
import { analyzeLive, type Judgement, type LiveOptions } from '../../src/core/canary/live.js'
import { seededRandom } from '../support/random.js'

// The judge on finite numbers at the ends of the double range: the rank-sum test depends
// only on the order of the values, so scaling both series by the same factor must not
// change a classification, and no finite input may keep it from returning.

jest.setTimeout(10_000)

const MAX = Number.MAX_VALUE

function series(seed: number, n: number, mean: number, sd: number): number[] {
  const random = seededRandom(seed)
  return Array.from({ length: n }, () => mean + sd * (random() + random() + random() - 1.5))
}

function settings(overrides: Partial<MetricSettings> = {}): MetricSettings {
  return { ...defaultMetricSettings('latency'), ...overrides }
}

const baseline = series(1, 30, 100, 10)
const slower = series(2, 30, 150, 10)
const similar = series(3, 30, 100, 10)

describe('the judge at the ends of the double range', () => {
  it('classifies series near ±Number.MAX_VALUE as it classifies the same series at small scale', () => {
    const scale = MAX / 200
    for (const [canary, expected] of [
      [slower, 'High'],
      [similar, 'Pass']
    ] as const) {
      for (const sign of [1, -1]) {
        const small = judgeMetric({
          settings: settings(),
          canary: canary.map((v) => sign * v),
          baseline: baseline.map((v) => sign * v)
        })
        const huge = judgeMetric({
          settings: settings(),
          canary: canary.map((v) => sign * v * scale),
          baseline: baseline.map((v) => sign * v * scale)
        })
        expect(huge.classification).toBe(small.classification)
        expect(huge.comparison?.meanRatio).toBeCloseTo(small.comparison!.meanRatio, 10)
      }
      expect(judgeMetric({ settings: settings(), canary, baseline }).classification).toBe(expected)
    }
  })

  it('returns on series that mix ±MAX_VALUE with tiny values, and calls a canary far above High', () => {
    const tiny = [5e-324, -5e-324, 1e-310, 0, -0, 2.2e-308]
    const canary = [...Array(12).fill(MAX), ...tiny, MAX * 0.9, MAX * 0.99]
    const base = [...Array(12).fill(-MAX), ...tiny, -MAX * 0.9, -MAX * 0.99]
    // Means of opposite signs have no meaningful ratio: judge by P(canary > baseline).
    const cles = settings({
      effectSize: { measure: 'cles', allowedIncrease: 0.5, allowedDecrease: 0.5 }
    })
    const result = judgeMetric({ settings: cles, canary, baseline: base })
    expect(result.classification).toBe('High')
    const same = judgeMetric({ settings: cles, canary, baseline: canary })
    expect(same.classification).toBe('Pass')
  })

  it('returns on constant series at MAX_VALUE (the jitter of constant series must not overflow)', () => {
    const result = judgeMetric({
      settings: settings(),
      canary: Array(20).fill(MAX),
      baseline: Array(20).fill(MAX / 2)
    })
    expect(result.classification).toBe('High')
    expect(result.comparison?.meanRatio).toBeCloseTo(2, 10)
  })

  it('returns on every mix of extremes, tiny values and ordinary ones', () => {
    const random = seededRandom(7)
    const pool = [MAX, -MAX, MAX / 3, -MAX / 7, 5e-324, -5e-324, 0, 1, -1, 1e308, -1e308]
    for (let round = 0; round < 100; round++) {
      const pick = () =>
        Array.from({ length: 10 + Math.floor(random() * 30) }, () =>
          random() < 0.7 ? pool[Math.floor(random() * pool.length)] : (random() - 0.5) * 1e3
        )
      const result = judgeMetric({ settings: settings(), canary: pick(), baseline: pick() })
      expect(['Pass', 'High', 'Low', 'Error']).toContain(result.classification)
    }
  })
})

describe('the live loop deadline', () => {
  it('ends at the deadline, inconclusive, when judging takes longer than the duration', async () => {
    let now = 0
    const slowPass: Judgement = { verdict: 'pass', score: 100, criticalFailure: false }
    const options: LiveOptions<Judgement> = {
      provider: { name: 'steady', range: async () => [1, 2, 3] },
      metrics: [{ name: 'latency', query: 'q' }],
      canary: { track: 'canary' },
      baseline: { track: 'baseline' },
      judge: () => {
        now += 20 * 60_000 // each judgement takes 20 minutes of a 5-minute analysis
        return slowPass
      },
      start: new Date(0),
      intervalMs: 60_000,
      durationMs: 300_000,
      warmupMs: 0,
      stepSeconds: 10,
      failureLimit: 0,
      inconclusiveLimit: -1,
      consecutiveErrorLimit: 2,
      clock: { now: () => now, sleep: async (ms) => void (now += ms) }
    }
    const result = await analyzeLive(options)
    expect(result.measurements).toHaveLength(1)
    expect(result.verdict).toBe('inconclusive')
    expect(result.reason).toMatch(/deadline/)
  })
})
