import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  defaultMetricSettings,
  judge,
  judgeMetric,
  kayentaMannWhitney,
  judgementJson,
  judgementMarkdown,
  syntaxErrorOffset,
  type MetricData,
  type MetricSettings,
  type RawSample
} from '../../src/core/canary/index.js'
import { runCli } from '../support/cli.js'
import { seededRandom as generator } from '../support/random.js'

function series(seed: number, n: number, mean: number, sd: number): number[] {
  const random = generator(seed)
  return Array.from({ length: n }, () => {
    const u = 1 - random()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
  })
}

function metric(name: string, overrides: Partial<MetricSettings> = {}): MetricSettings {
  return { ...defaultMetricSettings(name), ...overrides }
}

function data(
  settings: MetricSettings,
  canary: readonly RawSample[],
  baseline?: readonly RawSample[]
): MetricData {
  return { settings, canary, baseline }
}

const baselineLatency = series(1, 30, 100, 8)
const slowerLatency = series(2, 30, 125, 8)
const fasterLatency = series(3, 30, 75, 8)
const similarLatency = series(4, 30, 100, 8)

describe('classification', () => {
  it('calls a latency regression High when increase is the bad direction', () => {
    const result = judgeMetric(
      data(metric('latency', { direction: 'increase' }), slowerLatency, baselineLatency)
    )
    expect(result.classification).toBe('High')
    expect(result.reason).toMatch(
      /^canary higher: shift \+2\d(\.\d+)? \[\d+(\.\d+)?, \d+(\.\d+)?\] at 98%, ratio 1\.\d+ ≥ allowed 1, p = /
    )
    const c = result.comparison!
    expect(c.ciLower).toBeGreaterThan(c.band)
    expect(c.pValueMethod).toBe('exact')
    expect(c.pValue).toBeLessThan(1e-6)
    expect(c.meanRatio).toBeGreaterThan(1.15)
  })

  it('lets a decrease pass when only an increase is bad', () => {
    const result = judgeMetric(
      data(metric('latency', { direction: 'increase' }), fasterLatency, baselineLatency)
    )
    expect(result.classification).toBe('Pass')
    expect(result.reason).toMatch(
      /^canary lower \(shift -\d+.* not a regression for direction increase/
    )
    const either = judgeMetric(data(metric('latency'), fasterLatency, baselineLatency))
    expect(either.classification).toBe('Low')
  })

  it('passes when the allowed effect size is not reached', () => {
    const settings = metric('latency', {
      direction: 'increase',
      effectSize: { measure: 'mean-ratio', allowedIncrease: 1.5, allowedDecrease: 1 }
    })
    const result = judgeMetric(data(settings, slowerLatency, baselineLatency))
    expect(result.classification).toBe('Pass')
    expect(result.reason).toMatch(/but ratio 1\.\d+ < allowed 1\.5/)
  })

  it('passes samples from the same distribution with the values behind the decision', () => {
    const result = judgeMetric(data(metric('latency'), similarLatency, baselineLatency))
    expect(result.classification).toBe('Pass')
    expect(result.reason).toMatch(/^no clear shift: /)
    expect(result.samples).toEqual({
      canary: { raw: 30, warmup: 0, missing: 0, outliers: 0, used: 30 },
      baseline: { raw: 30, warmup: 0, missing: 0, outliers: 0, used: 30 }
    })
    expect(result.canary.median).toBeCloseTo(
      [...similarLatency]
        .sort((a, b) => a - b)
        .slice(14, 16)
        .reduce((a, b) => a + b) / 2,
      12
    )
    expect(result.comparison).toMatchObject({
      confidenceLevel: 0.98,
      tolerance: 0.25,
      effectSizeMeasure: 'mean-ratio'
    })
    expect(result.comparison!.ciLower).toBeLessThan(result.comparison!.ciUpper)
    expect(result.effectSizeThresholds).toEqual({
      measure: 'mean-ratio',
      allowedIncrease: 1,
      allowedDecrease: 1
    })
  })

  it('never passes missing data: null, NaN and empty series are NoData', () => {
    for (const canary of [[], [null, null, null], [NaN, NaN, null]]) {
      const result = judgeMetric(data(metric('latency'), canary, baselineLatency))
      expect(result.classification).toBe('NoData')
      expect(result.reason).toMatch(/^no data: canary 0/)
    }
    const baselineMissing = judgeMetric(data(metric('latency'), slowerLatency, []))
    expect(baselineMissing.classification).toBe('NoData')
    // Kayenta passes an empty series under nan-strategy replace; slipway does not.
    const replaced = judgeMetric(
      data(metric('latency', { nanStrategy: 'replace' }), [], baselineLatency)
    )
    expect(replaced.classification).toBe('NoData')
  })

  it('says how many samples it saw when there are fewer than min-samples', () => {
    const canary: RawSample[] = [101, null, 99, 120, null, 102]
    const result = judgeMetric(data(metric('latency'), canary, baselineLatency))
    expect(result.classification).toBe('NoData')
    expect(result.reason).toBe(
      'too few samples (min-samples 10): canary 4 (2 missing dropped), baseline 30; inconclusive (on-no-data: inconclusive)'
    )
    const relaxed = judgeMetric(data(metric('latency', { minSamples: 4 }), canary, baselineLatency))
    expect(relaxed.classification).not.toBe('NoData')
  })

  it('refuses non-overlapping tiny samples that Kayenta calls High (vectors ch-11, ch-12)', () => {
    for (const [canary, baseline] of [
      [
        [2, 3],
        [0, 1]
      ],
      [
        [3, 4, 5],
        [0, 1, 2]
      ]
    ]) {
      expect(judgeMetric(data(metric('m'), canary, baseline)).classification).toBe('NoData')
      const kayentaLike = judgeMetric(data(metric('m', { minSamples: 1 }), canary, baseline))
      expect(kayentaLike.classification).toBe('High')
      expect(kayentaLike.reason).toMatch(/p = 0\.(33|1)$/)
    }
  })

  it('drops the warm-up samples from both series', () => {
    const canary = [500, 480, 450, ...similarLatency]
    const baseline = [100, 100, 100, ...baselineLatency]
    expect(judgeMetric(data(metric('latency'), canary, baseline)).samples.canary.used).toBe(33)
    const result = judgeMetric(data(metric('latency'), canary, baseline), { warmupSamples: 3 })
    expect(result.classification).toBe('Pass')
    expect(result.samples.canary).toMatchObject({ raw: 33, warmup: 3, used: 30 })
  })

  it('removes IQR outliers only when asked', () => {
    const canary = [...similarLatency.slice(0, 29), 10_000]
    const kept = judgeMetric(data(metric('latency'), canary, baselineLatency))
    expect(kept.samples.canary.outliers).toBe(0)
    const settings = metric('latency', { outliers: { strategy: 'remove', factor: 3 } })
    const removed = judgeMetric(data(settings, canary, baselineLatency))
    expect(removed.samples.canary).toMatchObject({ outliers: 1, used: 29 })
    expect(removed.canary.max).toBeLessThan(200)
  })

  it('decides constant series deterministically, as Kayenta does for any noise draw', () => {
    const canary = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10]
    const baseline = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    const first = judgeMetric(data(metric('m'), canary, baseline))
    expect(first.classification).toBe('High')
    expect(first.comparison!.jittered).toBe(true)
    expect(judgeMetric(data(metric('m'), canary, baseline))).toEqual(first)

    // Kayenta's unseeded Gaussian noise (sd = 1e-5 * value), drawn 200 times from a seed.
    const random = generator(7)
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
    for (let draw = 0; draw < 200; draw++) {
      const noisy = (values: number[]) => values.map((v) => v + Math.abs(v) * 1e-5 * gaussian())
      const interval = kayentaMannWhitney(noisy(canary), noisy(baseline), 0.98)
      expect(interval.ciLower).toBeGreaterThan(0.25 * Math.abs(interval.estimate))
    }
    // Nearly equal constants overlap once jittered: no shift beyond the noise.
    const close = judgeMetric(data(metric('m'), Array(10).fill(100.0000001), Array(10).fill(100)))
    expect(close.classification).toBe('Pass')
  })

  it('reports an Error, not a verdict, when the samples cannot be ranked into an interval', () => {
    const result = judgeMetric(data(metric('m', { minSamples: 1 }), [5], [7]))
    expect(result.classification).toBe('Error')
    expect(result.reason).toMatch(/^cannot compare: all observations tie/)
    const judgement = judge([data(metric('m', { minSamples: 1 }), [5], [7])])
    expect(judgement.verdict).toBe('inconclusive')
  })

  it('passes identical samples and a single shared value', () => {
    expect(
      judgeMetric(data(metric('m'), baselineLatency, [...baselineLatency].reverse())).reason
    ).toBe('canary and baseline samples are identical')
    const flat = Array(12).fill(3)
    expect(judgeMetric(data(metric('m'), flat, Array(15).fill(3))).classification).toBe('Pass')
  })
})

describe('threshold checks', () => {
  const errorRate = (overrides: Partial<MetricSettings> = {}) =>
    metric('error-rate', {
      threshold: { max: 0.01, aggregate: 'mean' },
      minSamples: 1,
      ...overrides
    })

  it('is High above max, Low below min and Pass within, with the value it checked', () => {
    const high = judgeMetric(data(errorRate(), [0.02, 0.03, null, 0.025]))
    expect(high.classification).toBe('High')
    expect(high.kind).toBe('threshold')
    expect(high.threshold).toMatchObject({ aggregate: 'mean', max: 0.01 })
    expect(high.threshold!.value).toBeCloseTo(0.025, 15)
    expect(high.reason).toBe('mean 0.025 of 3 canary samples > max 0.01')

    expect(judgeMetric(data(errorRate(), [0.001, 0.002])).classification).toBe('Pass')
    const success = metric('success-rate', {
      threshold: { min: 99, aggregate: 'min' },
      minSamples: 1
    })
    const low = judgeMetric(data(success, [99.9, 98.7, 99.5]))
    expect(low).toMatchObject({
      classification: 'Low',
      reason: 'min 98.7 of 3 canary samples < min 99'
    })
    const p99 = metric('p99', { threshold: { max: 0.5, aggregate: 'last' }, minSamples: 1 })
    expect(judgeMetric(data(p99, [0.9, 0.4])).classification).toBe('Pass')
  })

  it('is NoData without a value and a critical failure when a critical check fails', () => {
    expect(judgeMetric(data(errorRate(), [null, null])).classification).toBe('NoData')
    const judgement = judge([
      data(errorRate({ critical: true }), [0.05]),
      data(metric('latency'), similarLatency, baselineLatency)
    ])
    expect(judgement).toMatchObject({ verdict: 'fail', score: 0, criticalFailure: true })
    expect(judgement.reason).toBe('critical metric failed: error-rate (High)')
  })
})

describe('scoring and verdict', () => {
  const pass = () => data(metric('ok'), similarLatency, baselineLatency)
  const high = (name: string, overrides: Partial<MetricSettings> = {}) =>
    data(metric(name, overrides), slowerLatency, baselineLatency)

  it('passes when every metric passes', () => {
    const judgement = judge([
      pass(),
      data(metric('ok2'), series(9, 30, 50, 3), series(10, 30, 50, 3))
    ])
    expect(judgement).toMatchObject({ verdict: 'pass', score: 100, reason: 'score 100 ≥ pass 95' })
  })

  it('fails a run with score 0 when a critical metric fails, whatever the others say', () => {
    const metrics = [pass(), pass(), pass(), high('errors', { critical: true })]
    const judgement = judge(
      metrics.map((m, i) => ({ ...m, settings: { ...m.settings, name: `m${i}` } }))
    )
    expect(judgement.verdict).toBe('fail')
    expect(judgement.score).toBe(0)
    expect(judgement.metrics[3].criticalFailure).toBe(true)
  })

  it('weights groups: 75/25 and the relative 3:1 score the same', () => {
    const metrics = [
      data(metric('errors', { group: 'errors' }), similarLatency, baselineLatency),
      high('latency', { group: 'latency' })
    ]
    for (const groupWeights of [
      { errors: 75, latency: 25 },
      { errors: 3, latency: 1 }
    ]) {
      const judgement = judge(metrics, { groupWeights })
      expect(judgement.score).toBe(75)
      expect(judgement.verdict).toBe('marginal')
      expect(judgement.reason).toBe('score 75 < pass 95 (≥ marginal 75): latency High')
    }
    // Unweighted groups share what the weights leave: errors 40, the other two 30 each.
    const three = [
      ...metrics,
      data(metric('cpu', { group: 'cpu' }), similarLatency, baselineLatency)
    ]
    expect(judge(three, { groupWeights: { errors: 40 } }).score).toBe(70)
  })

  it('uses the pass and marginal thresholds it is given', () => {
    const metrics = [pass(), high('latency')].map((m, i) => ({
      ...m,
      settings: { ...m.settings, name: `m${i}` }
    }))
    expect(judge(metrics).verdict).toBe('fail')
    expect(judge(metrics, { thresholds: { pass: 90, marginal: 50 } })).toMatchObject({
      verdict: 'marginal',
      score: 50
    })
    expect(judge(metrics, { thresholds: { pass: 50, marginal: 25 } }).verdict).toBe('pass')
  })

  it('applies on-no-data: inconclusive (default), fail and pass', () => {
    const empty = (onNoData: MetricSettings['onNoData'], critical = false) =>
      data(metric('requests', { onNoData, critical }), [null, null], baselineLatency)

    const inconclusive = judge([pass(), empty('inconclusive')])
    expect(inconclusive.verdict).toBe('inconclusive')
    expect(inconclusive.reason).toBe(
      'no decision without requests (NoData); the score would be 100 if they passed'
    )

    const failing = judge([pass(), empty('fail')])
    expect(failing).toMatchObject({ verdict: 'fail', score: 50 })
    expect(failing.metrics[1].scoredAs).toBe('NodataFailMetric')
    expect(judge([pass(), empty('fail', true)])).toMatchObject({ verdict: 'fail', score: 0 })

    const passing = judge([pass(), empty('pass')])
    expect(passing).toMatchObject({ verdict: 'pass', score: 100 })
    expect(passing.metrics[1]).toMatchObject({ classification: 'NoData', scoredAs: 'Pass' })
    expect(passing.metrics[1].reason).toMatch(/counted as pass \(on-no-data: pass\)$/)
  })

  it('is not inconclusive when the metrics with data already rule out a pass', () => {
    const judgement = judge([
      data(metric('latency', { group: 'latency' }), slowerLatency, baselineLatency),
      data(metric('requests', { group: 'traffic' }), [], baselineLatency)
    ])
    expect(judgement.verdict).toBe('fail')
    expect(judgement.reason).toBe(
      'score at most 50 < pass 95 even if requests (NoData) passed: latency High'
    )
  })

  it('has nothing to judge without metrics', () => {
    expect(judge([])).toMatchObject({ verdict: 'inconclusive', score: 0 })
  })

  it('writes NaN (a mean ratio with a zero mean) as null in JSON', () => {
    const zeros = data(metric('errors', { minSamples: 3 }), [1, 2, 3], [0, 0, 0])
    const report = JSON.parse(judgementJson(judge([zeros])))
    expect(report.metrics[0].classification).toBe('High')
    expect(report.metrics[0].comparison.meanRatio).toBeNull()
    expect(report.metrics[0].reason).toMatch(/ratio n\/a \(a mean is 0\)/)
  })

  it('renders a markdown table per metric', () => {
    const markdown = judgementMarkdown(judge([high('latency'), pass()]))
    expect(markdown).toMatch(/^### Canary analysis: fail \(score 50\)/)
    expect(markdown).toContain(
      '| Metric | Result | Canary median | Baseline median | Shift [interval] | p-value | Reason |'
    )
    expect(markdown).toMatch(
      /\| latency \| ❌ High \| \d+(\.\d+)? \| \d+(\.\d+)? \| \+\d+.* at 98% \| \d/
    )
  })
})

describe('samples file syntax errors', () => {
  it('finds the offset of the first mistake', () => {
    expect(syntaxErrorOffset('{"a": [1, 2,]}')).toBe(12)
    expect(syntaxErrorOffset('{"a": NaN}')).toBe(6)
    expect(syntaxErrorOffset('{"a": [1]}')).toBeUndefined()
  })
})

describe('slipway canary judge', () => {
  let dir: string

  const slipway = (...argv: string[]) => runCli(argv, dir)

  const write = (file: string, metrics: Record<string, RawSample[]>) =>
    writeFile(path.join(dir, file), JSON.stringify({ metrics }, null, 2))

  const config = `image:
  repository: ghcr.io/acme/app
manifests:
  path: k8s
environments:
  staging:
    namespace: app-staging
analysis:
  thresholds: { pass: 95, marginal: 75 }
  groups: { latency: 80, errors: 20 }
  metrics:
    - name: latency
      query: latency{{selector}}
      group: latency
      direction: increase
    - name: error-rate
      query: errors{{selector}}
      group: errors
      threshold: { max: 0.01 }
`

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'slipway-canary-'))
    const errors = [0, 0, 0.001, 0, 0, 0, 0.002, 0, 0, 0, 0, 0.001]
    await write('baseline.json', { latency: baselineLatency, 'error-rate': errors })
    await write('healthy.json', { latency: similarLatency, 'error-rate': [...errors].reverse() })
    await write('slow.json', { latency: slowerLatency, 'error-rate': [0, 0, 0] })
    await write('fast.json', { latency: fasterLatency, 'error-rate': [0, 0, 0] })
    await write('erroring.json', { latency: similarLatency, 'error-rate': [0.05, 0.04, 0.06] })
    await write('missing.json', { latency: [null, null, null], 'error-rate': [0] })
    await writeFile(path.join(dir, 'slipway.yaml'), config)
    await writeFile(
      path.join(dir, 'bad.yaml'),
      config.replace('direction: increase', 'direction: up')
    )
    await writeFile(
      path.join(dir, 'broken.json'),
      '{\n  "metrics": {\n    "latency": [1, 2,]\n  }\n}\n'
    )
    await writeFile(path.join(dir, 'shape.json'), '{"latency": [1, 2]}')
    await writeFile(path.join(dir, 'strings.json'), '{"metrics": {"latency": [1, "2"]}}')
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('exits 0 and prints the verdict, score and metrics as JSON for a healthy canary', async () => {
    const result = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'healthy.json'
    )
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out)
    expect(report).toMatchObject({ verdict: 'pass', score: 100 })
    expect(report.metrics.map((m: { name: string }) => m.name)).toEqual(['latency', 'error-rate'])
    for (const m of report.metrics) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['name', 'classification', 'reason']))
      expect(['Pass', 'High', 'Low', 'NoData', 'Error']).toContain(m.classification)
    }
    // Without a config, error-rate is compared with the baseline.
    expect(report.metrics[1]).toMatchObject({
      kind: 'comparison',
      reason: 'canary and baseline samples are identical'
    })
    expect(report.metrics[1].canary).toMatchObject({ count: 12, median: 0 })
  })

  it('exits 1 for a regression', async () => {
    const result = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'slow.json'
    )
    expect(result.code).toBe(1)
    const report = JSON.parse(result.out)
    expect(report.verdict).toBe('fail')
    expect(report.metrics[0]).toMatchObject({ name: 'latency', classification: 'High' })
  })

  it('exits 1 for marginal, with weights and thresholds from the config', async () => {
    const result = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'erroring.json',
      '--config',
      'slipway.yaml'
    )
    expect(result.code).toBe(1)
    const report = JSON.parse(result.out)
    expect(report).toMatchObject({ verdict: 'marginal', score: 80 })
    expect(report.metrics[1]).toMatchObject({
      name: 'error-rate',
      kind: 'threshold',
      classification: 'High'
    })
  })

  it('exits 3 when there is too little data to decide', async () => {
    const result = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'missing.json'
    )
    expect(result.code).toBe(3)
    const report = JSON.parse(result.out)
    expect(report.verdict).toBe('inconclusive')
    expect(report.metrics[0]).toMatchObject({ name: 'latency', classification: 'NoData' })
  })

  it('takes --direction overrides, repeatable, over the config', async () => {
    const base = ['canary', 'judge', '--baseline', 'baseline.json', '--canary', 'fast.json']
    expect((await slipway(...base)).code).toBe(1)
    expect((await slipway(...base, '--config', 'slipway.yaml')).code).toBe(0)
    const overridden = await slipway(
      ...base,
      '--config',
      'slipway.yaml',
      '--direction',
      'latency=decrease',
      '--direction',
      'error-rate=either'
    )
    expect(overridden.code).toBe(1)
    expect(JSON.parse(overridden.out).metrics[0]).toMatchObject({
      direction: 'decrease',
      classification: 'Low'
    })
  })

  it('prints markdown with --format markdown', async () => {
    const result = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'slow.json',
      '--format',
      'markdown'
    )
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/^### Canary analysis: fail/)
    expect(result.out).toMatch(/\| latency \| ❌ High \|/)
  })

  it('exits 2 with one line naming the file (and line) for bad input', async () => {
    const judgeWith = (canary: string) =>
      slipway('canary', 'judge', '--baseline', 'baseline.json', '--canary', canary)
    expect(await judgeWith('broken.json')).toMatchObject({
      code: 2,
      out: '',
      err: "slipway canary judge: broken.json:3: invalid JSON: Unexpected token ']'\n"
    })
    expect(await judgeWith('shape.json')).toMatchObject({
      code: 2,
      err: 'slipway canary judge: shape.json: expected {"metrics": {"<name>": [numbers or null]}}\n'
    })
    expect((await judgeWith('strings.json')).err).toBe(
      'slipway canary judge: strings.json: metrics.latency[1]: expected a number or null, got "2"\n'
    )
    expect((await judgeWith('nope.json')).err).toBe(
      'slipway canary judge: nope.json: samples file not found\n'
    )
    const badConfig = await slipway(
      'canary',
      'judge',
      '--baseline',
      'baseline.json',
      '--canary',
      'slow.json',
      '--config',
      'bad.yaml'
    )
    expect(badConfig).toMatchObject({ code: 2, out: '' })
    expect(badConfig.err).toBe(
      'slipway canary judge: bad.yaml:15: analysis.metrics[0].direction: expected one of "increase", "decrease", "either"\n'
    )
  })

  it('exits 2 for usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['canary', 'judge', '--canary', 'slow.json'], /--baseline is required/],
      [['canary', 'judge', '--baseline', 'baseline.json'], /--canary is required/],
      [
        [
          'canary',
          'judge',
          '--baseline',
          'baseline.json',
          '--canary',
          'slow.json',
          '--format',
          'xml'
        ],
        /--format/
      ],
      [
        [
          'canary',
          'judge',
          '--baseline',
          'baseline.json',
          '--canary',
          'slow.json',
          '--direction',
          'latency=up'
        ],
        /NAME=increase\|decrease\|either/
      ],
      [
        [
          'canary',
          'judge',
          '--baseline',
          'baseline.json',
          '--canary',
          'slow.json',
          '--direction',
          'latncy=increase'
        ],
        /no metric "latncy"/
      ],
      [
        ['canary', 'judge', '--baseline', 'baseline.json', '--canary', 'slow.json', '--bogus'],
        /bogus/
      ],
      [['canary', 'frobnicate'], /unknown subcommand "frobnicate"/],
      [['canary'], /expected a subcommand/]
    ]
    for (const [argv, message] of cases) {
      const result = await slipway(...argv)
      expect(result.code).toBe(2)
      expect(result.err).toMatch(message)
      expect(result.err.trim().split('\n')).toHaveLength(1)
    }
  })

  it('has help', async () => {
    const help = await slipway('canary', '--help')
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/^Usage: slipway canary judge --baseline FILE --canary FILE/)
    expect((await slipway('--help')).out).toMatch(/canary/)
  })
})
