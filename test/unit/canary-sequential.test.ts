import { describe, expect, it } from '@jest/globals'
import { judge, judgeMetric, type MetricData } from '../../src/core/canary/judge.js'
import { compareSequential, pairByStep } from '../../src/core/canary/sequential.js'
import { defaultMetricSettings } from '../../src/core/canary/settings.js'
import type { MetricSettings } from '../../src/core/canary/types.js'
import { canarySet, FAMILIES, seedOf, shiftsOf, type Family } from '../support/canary-sets.js'

const settings = (extra: Partial<MetricSettings> = {}): MetricSettings => ({
  ...defaultMetricSettings('latency'),
  judge: 'sequential',
  ...extra
})

function metric(canary: (number | null)[], baseline: (number | null)[], extra = {}): MetricData {
  return { settings: settings(extra), canary, baseline }
}

describe('sequential judge: one metric', () => {
  it('pairs samples by step: a step counts only when both sides have it, after the warm-up', () => {
    const paired = pairByStep([1, 2, null, 4, 5], [10, null, 30, 40], 1, 'remove')
    expect(paired.canary).toEqual([4])
    expect(paired.baseline).toEqual([40])
    expect(paired.counts.canary).toEqual({ raw: 5, warmup: 1, missing: 1, outliers: 0, used: 1 })
    expect(paired.counts.baseline).toEqual({ raw: 4, warmup: 1, missing: 1, outliers: 0, used: 1 })
    const replaced = pairByStep([1, null], [null, 2], 0, 'replace')
    expect(replaced.canary).toEqual([1, 0])
    expect(replaced.baseline).toEqual([0, 2])
  })

  it('gives the geometric-mean ratio, a t interval and the spread tolerance on independent data', () => {
    // log-ratios alternate 0.1 +- 0.05: mean 0.1, sd s; lag-1 r1 = -1 gives phi 0 (no credit).
    const baseline = Array.from({ length: 40 }, () => 100)
    const canary = baseline.map((b, i) => b * Math.exp(0.1 + (i % 2 ? 0.05 : -0.05)))
    const d = compareSequential(canary, baseline, {
      level: 0.99,
      spreadTolerance: 0.03,
      look: { index: 1, count: 1 }
    })
    expect(d.scale).toBe('log')
    expect(d.estimate).toBeCloseTo(Math.exp(0.1), 12)
    expect(d.autocorrelation).toBe(0)
    expect(d.effectiveSamples).toBeCloseTo(40, 10)
    // sd of +-0.05 over 40 values is 0.05 * sqrt(40 / 39); se = sd / sqrt(40).
    const se = (0.05 * Math.sqrt(40 / 39)) / Math.sqrt(40)
    expect(d.standardError).toBeCloseTo(se, 12)
    expect(d.boundary).toBeCloseTo(2.575829, 5)
    expect(d.critical).toBeCloseTo(2.707913, 3) // t_0.995 at 39 df (tables: 2.708)
    const half = Math.hypot(d.critical * se, 2.575829 * Math.log(1.03))
    expect(Math.log(d.lower)).toBeCloseTo(0.1 - half, 5)
    expect(Math.log(d.upper)).toBeCloseTo(0.1 + half, 5)
  })

  it('uses the look boundary: the same data can be High at the last look and Pass at the first', () => {
    const baseline = Array.from({ length: 60 }, (_, i) => 100 + (i % 3))
    const canary = baseline.map((b, i) => b * (1.15 + (i % 2 ? 0.04 : -0.04)))
    const at = (index: number) =>
      judgeMetric(metric(canary, baseline), { look: { index, count: 12 } })
    expect(at(12).classification).toBe('High')
    expect(at(12).sequential?.boundary).toBeGreaterThan(2.5)
    expect(at(1).classification).toBe('Pass')
    expect(at(1).sequential?.boundary).toBeGreaterThan(at(12).sequential?.boundary ?? Infinity)
    expect(at(12).reason).toMatch(
      /^increase: the interval is above 1: canary \/ baseline ×1\.149 \[/
    )
  })

  it('respects direction and min-samples, and errs on negative values', () => {
    const baseline = Array.from({ length: 30 }, (_, i) => 100 + (i % 5))
    const slower = baseline.map((b) => b * 2)
    expect(judgeMetric(metric(slower, baseline, { direction: 'decrease' })).classification).toBe(
      'Pass'
    )
    expect(judgeMetric(metric(baseline, slower)).classification).toBe('Low')
    expect(judgeMetric(metric(slower.slice(0, 5), baseline)).classification).toBe('NoData')
    expect(judgeMetric(metric([...slower, -1], [...baseline, 1])).classification).toBe('Error')
  })

  it('judges error ratios with zeros as a ratio of means, and a zero baseline as a difference', () => {
    const baseline = Array.from({ length: 60 }, (_, i) => [0, 0.01, 0.02][i % 3])
    const canary = baseline.map((b) => b * 4)
    const ratio = judgeMetric(metric(canary, baseline))
    expect(ratio.sequential?.scale).toBe('ratio-of-means')
    expect(ratio.sequential?.estimate).toBeCloseTo(4, 10)
    expect(ratio.classification).toBe('High')
    const zero = judgeMetric(
      metric(
        canary,
        baseline.map(() => 0)
      )
    )
    expect(zero.sequential?.scale).toBe('difference')
    expect(zero.classification).toBe('High')
    expect(
      judgeMetric(
        metric(
          baseline.map(() => 0),
          baseline.map(() => 0)
        )
      ).classification
    ).toBe('Pass')
  })

  it("applies a metric's guard where the sequential judge passed", () => {
    const baseline = Array.from({ length: 40 }, (_, i) => 100 + (i % 4))
    // Half the steps ten times slower: a mean 5.5 times the baseline's.
    const canary = baseline.map((b, i) => (i % 2 ? b * 10 : b))
    const result = judgeMetric(
      metric(canary, baseline, { direction: 'increase', guard: { maxRatio: 2 } }),
      { look: { index: 1, count: 12 } }
    )
    expect(result.classification).toBe('High')
    expect(result.guard?.tripped).toBe('max-ratio')
    expect(result.reason).toContain('the sequential judge alone: no clear change')
  })

  it("keeps Kayenta's judge for metrics that do not ask, and --method forces one judge", () => {
    const baseline = Array.from({ length: 30 }, (_, i) => 100 + i)
    const canary = baseline.map((b, i) => b + (i % 7))
    const data = { ...metric(canary, baseline), settings: defaultMetricSettings('latency') }
    expect(judgeMetric(data).comparison).toBeDefined()
    expect(judgeMetric(data).sequential).toBeUndefined()
    expect(judgeMetric(data, { method: 'sequential' }).sequential).toBeDefined()
    const kayenta = judgeMetric(metric(canary, baseline), {
      method: 'kayenta',
      forceMethod: true
    })
    expect(kayenta.comparison).toBeDefined()
    expect(judge([metric(baseline, baseline)]).verdict).toBe('pass')
  })
})

// Modest replicate counts so this file stays fast; bench/canary-robust.mjs measures properly.
function falseFailures(family: Family, n: number, reps: number, looks: number): number {
  let failed = 0
  for (let r = 0; r < reps; r++) {
    const set = canarySet(family, n, 1, seedOf(family, n, 1, r))
    for (let k = 1; k <= looks; k++) {
      const m = Math.round((n * k) / looks)
      const result = judgeMetric(metric(set.canary.slice(0, m), set.baseline.slice(0, m)), {
        look: { index: k, count: looks }
      })
      if (result.classification === 'High' || result.classification === 'Low') {
        failed++
        break
      }
    }
  }
  return failed / reps
}

describe('sequential judge on the generated families', () => {
  it('rarely fails an unchanged metric, at one look and at any of 12 looks', () => {
    const reps = 60
    let one = 0
    let any = 0
    for (const family of FAMILIES) {
      one += falseFailures(family, 120, reps, 1) / FAMILIES.length
      any += falseFailures(family, 120, reps, 12) / FAMILIES.length
    }
    // 360 judgements each: the 1 % target plus about 3 standard errors.
    expect(one).toBeLessThanOrEqual(0.03)
    expect(any).toBeLessThanOrEqual(0.03)
  })

  it.each(FAMILIES.map((f) => [f] as const))(
    'detects the largest shift of %s at 360 pairs',
    (family) => {
      const shift = Math.max(...shiftsOf(family))
      let found = 0
      const reps = 30
      for (let r = 0; r < reps; r++) {
        const set = canarySet(family, 360, shift, seedOf(family, 360, shift, r))
        if (judgeMetric(metric(set.canary, set.baseline)).classification === 'High') found++
      }
      expect(found / reps).toBeGreaterThanOrEqual(0.8)
    }
  )
})
