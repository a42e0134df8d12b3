import { describe, expect, it } from '@jest/globals'
import { judgeSamples } from '../../src/core/canary/analysis.js'
import {
  defaultMetricSettings,
  judgeMetric,
  type MetricSettings
} from '../../src/core/canary/index.js'
import { analysisSchema, metricSchema } from '../../src/core/config/schema.js'
import { readFileSync } from 'node:fs'

// Kayenta's rule passes a canary whose samples are half at the baseline and half at ten times
// it: the interval of the shift spans both groups and does not clear the tolerance band. The
// judge keeps that rule; a metric's optional guard is what fails such a canary.

const baseline = Array.from({ length: 30 }, (_, i) => 100 + ((i * 7) % 5) - 2)
const halfTenfold = baseline.map((v, i) => (i % 2 ? v * 10 : v))
const healthy = baseline.map((v, i) => v + (i % 3) - 1)

function settings(overrides: Partial<MetricSettings> = {}): MetricSettings {
  return { ...defaultMetricSettings('latency'), direction: 'increase', ...overrides }
}

describe('the Kayenta-compatible judge', () => {
  it('still passes half the samples at ten times the baseline without a guard', () => {
    const result = judgeMetric({ settings: settings(), canary: halfTenfold, baseline })
    expect(result.classification).toBe('Pass')
    expect(result.reason).toMatch(/^no clear shift/)
  })
})

describe('a per-metric guard', () => {
  it('fails the canary when the mean ratio is above max-ratio', () => {
    // mean(canary) / mean(baseline) = (1 + 10) / 2 = 5.5, computed by hand.
    const result = judgeMetric({
      settings: settings({ guard: { maxRatio: 2 } }),
      canary: halfTenfold,
      baseline
    })
    expect(result.classification).toBe('High')
    expect(result.scoredAs).toBe('High')
    expect(result.reason).toMatch(/^guard: canary mean is 5\.5× the baseline's, above max-ratio 2/)
    expect(result.guard).toMatchObject({ statistic: 'mean', maxRatio: 2 })
    expect(result.guard!.ratio).toBeCloseTo(5.5, 2)
  })

  it('compares a percentile instead of the mean when one is given', () => {
    // The 90th percentile of the canary is a tenfold sample, of the baseline about 102.
    const result = judgeMetric({
      settings: settings({ guard: { maxRatio: 3, percentile: 90 } }),
      canary: halfTenfold,
      baseline
    })
    expect(result.classification).toBe('High')
    expect(result.reason).toMatch(
      /^guard: canary p90 is (9\.\d+|10)× the baseline's, above max-ratio 3/
    )
    const median = judgeMetric({
      settings: settings({ guard: { maxRatio: 3, percentile: 25 } }),
      canary: halfTenfold,
      baseline
    })
    expect(median.classification).toBe('Pass')
  })

  it('leaves a healthy canary alone, and a decrease alone when only increases are bad', () => {
    const guard = { maxRatio: 1.2 }
    expect(
      judgeMetric({ settings: settings({ guard }), canary: healthy, baseline }).classification
    ).toBe('Pass')
    const tenth = baseline.map((v, i) => (i % 2 ? v / 10 : v))
    expect(
      judgeMetric({ settings: settings({ guard }), canary: tenth, baseline }).classification
    ).toBe('Pass')
  })

  it('fails a drop below min-ratio for metrics where lower is worse', () => {
    const tenth = baseline.map((v, i) => (i % 2 ? v / 10 : v))
    const result = judgeMetric({
      settings: settings({ direction: 'decrease', guard: { minRatio: 0.8 } }),
      canary: tenth,
      baseline
    })
    expect(result.classification).toBe('Low')
    expect(result.reason).toMatch(/below min-ratio 0\.8/)
  })

  it('makes a critical metric fail the run at once', () => {
    const result = judgeMetric({
      settings: settings({ critical: true, guard: { maxRatio: 2 } }),
      canary: halfTenfold,
      baseline
    })
    expect(result.criticalFailure).toBe(true)
  })

  it('is read from slipway.yaml and fails the judgement', () => {
    const analysis = analysisSchema.parse({
      metrics: [
        {
          name: 'latency',
          query: 'q',
          direction: 'increase',
          guard: { 'max-ratio': 2, percentile: 90 }
        }
      ]
    })
    const samples = (values: number[]) => new Map([['latency', values]])
    expect(judgeSamples(analysis, samples(halfTenfold), samples(baseline)).verdict).toBe('fail')
    expect(judgeSamples(analysis, samples(healthy), samples(baseline)).verdict).toBe('pass')
  })

  it('refuses a guard without a ratio, a percentile outside 0-100, or on a threshold metric', () => {
    for (const guard of [
      {},
      { percentile: 90 },
      { 'max-ratio': 2, percentile: 101 },
      { 'max-ratio': 0 }
    ]) {
      expect(metricSchema.safeParse({ name: 'm', query: 'q', guard }).success).toBe(false)
    }
    expect(
      metricSchema.safeParse({
        name: 'm',
        query: 'q',
        threshold: { max: 1 },
        guard: { 'max-ratio': 2 }
      }).success
    ).toBe(false)
  })

  it('is in the JSON Schema of slipway.yaml', () => {
    const schema = readFileSync(
      new URL('../../schema/slipway.schema.json', import.meta.url),
      'utf8'
    )
    expect(schema).toContain('"max-ratio"')
  })
})
