import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { judgeSamples, runAnalysis } from '../../src/core/canary/analysis.js'
import { analyzeLive, type Judgement, type LiveLook } from '../../src/core/canary/live.js'
import { parseConfig } from '../../src/core/config/index.js'
import type { MetricsProvider } from '../../src/core/metrics/provider.js'
import { canarySet, seedOf } from '../support/canary-sets.js'
import { runCli } from '../support/cli.js'

const healthy = canarySet('ar1-0.5', 120, 1, seedOf('ar1-0.5', 120, 1, 0))
const slow = canarySet('ar1-0.5', 120, 1.6, seedOf('ar1-0.5', 120, 1.6, 0))

const config = (analysis: string) => `image:
  repository: ghcr.io/acme/app
manifests:
  path: k8s
environments:
  staging:
    namespace: app-staging
analysis:
${analysis}
  metrics:
    - name: latency
      query: latency{{selector}}
      direction: increase
    - name: p99
      query: p99{{selector}}
      judge: kayenta
      spread-tolerance: 0.05
`

describe('slipway canary judge --method', () => {
  let dir: string
  const slipway = (...argv: string[]) => runCli(['canary', 'judge', ...argv], dir)

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'slipway-sequential-'))
    await writeFile(
      path.join(dir, 'baseline.json'),
      JSON.stringify({ metrics: { latency: slow.baseline } })
    )
    await writeFile(
      path.join(dir, 'slow.json'),
      JSON.stringify({ metrics: { latency: slow.canary } })
    )
    await writeFile(path.join(dir, 'slipway.yaml'), config('  judge: sequential'))
  })

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const files = ['--baseline', 'baseline.json', '--canary', 'slow.json']

  it('judges with the sequential judge at look K of N and reports the boundary', async () => {
    const result = await slipway(
      ...files,
      '--method',
      'sequential',
      '--look',
      '12',
      '--looks',
      '12'
    )
    expect(result.code).toBe(1)
    const metric = JSON.parse(result.out).metrics[0]
    expect(metric.classification).toBe('High')
    expect(metric.sequential).toMatchObject({ look: 12, looks: 12, scale: 'log', pairs: 120 })
    expect(metric.sequential.boundary).toBeCloseTo(2.666, 2)
    expect(metric.comparison).toBeUndefined()
    const markdown = await slipway(...files, '--method', 'sequential', '--format', 'markdown')
    expect(markdown.out).toMatch(/×1\.\d+ \[[\d.]+, [\d.]+\] at look 1\/1, boundary z 2\.576/)
  })

  it("keeps Kayenta's judge by default and under --method kayenta, with identical output", async () => {
    const plain = await slipway(...files)
    const kayenta = await slipway(...files, '--method', 'kayenta')
    expect(kayenta.out).toBe(plain.out)
    expect(JSON.parse(plain.out).metrics[0].comparison).toBeDefined()
  })

  it("takes analysis.judge from the config, and --method over a metric's own judge", async () => {
    const withConfig = await slipway(...files, '--config', 'slipway.yaml')
    expect(JSON.parse(withConfig.out).metrics[0].sequential).toBeDefined()
    const forced = await slipway(...files, '--config', 'slipway.yaml', '--method', 'kayenta')
    expect(JSON.parse(forced.out).metrics[0].sequential).toBeUndefined()
  })

  it.each([
    [['--method', 'bayes'], '--method must be sequential or kayenta, got "bayes"'],
    [['--look', '3'], '--look K --looks N expects whole numbers 1 <= K <= N'],
    [['--look', '13', '--looks', '12'], '--look K --looks N expects whole numbers 1 <= K <= N']
  ])('rejects %j with a usage error', async (flags, message) => {
    const result = await slipway(...files, ...flags)
    expect(result.code).toBe(2)
    expect(result.err).toContain(message)
  })
})

describe('analysis.judge and the live loop', () => {
  it('parses the judge, the spread tolerance and the level, per analysis and per metric', () => {
    const analysis = parseConfig(
      config('  judge: kayenta\n  spread-tolerance: 0.04\n  sequential-level: 0.995'),
      'slipway.yaml'
    ).analysis
    expect(analysis?.judge).toBe('kayenta')
    expect(analysis?.['spread-tolerance']).toBe(0.04)
    expect(analysis?.['sequential-level']).toBe(0.995)
    expect(analysis?.metrics[1]).toMatchObject({ judge: 'kayenta', 'spread-tolerance': 0.05 })
    expect(() => parseConfig(config('  judge: bayes'), 'slipway.yaml')).toThrow()
  })

  it('judges with the sequential judge unless the config says kayenta, per metric too', () => {
    const analysis = parseConfig(config(''), 'slipway.yaml').analysis!
    const samples = (values: number[]) =>
      new Map([
        ['latency', values],
        ['p99', values]
      ])
    const judged = judgeSamples(analysis, samples(slow.canary), samples(slow.baseline), {
      method: 'sequential',
      look: { index: 4, count: 10 }
    })
    expect(judged.metrics[0].sequential).toMatchObject({ look: 4, looks: 10 })
    expect(judged.metrics[1].comparison).toBeDefined()
    expect(
      judgeSamples(analysis, samples(healthy.canary), samples(healthy.baseline)).metrics[0]
        .comparison
    ).toBeDefined()
  })

  it('passes look K of N to the judge, N the judgements of duration / interval', async () => {
    let now = 0
    const looks: LiveLook[] = []
    const provider: MetricsProvider = { name: 'fixed', range: async () => [1, 2, 3] }
    const pass: Judgement = { verdict: 'pass', score: 100, criticalFailure: false }
    await analyzeLive({
      provider,
      metrics: [{ name: 'latency', query: 'q{{selector}}' }],
      canary: {},
      baseline: {},
      judge: (_c, _b, look) => {
        looks.push(look)
        return pass
      },
      start: new Date(0),
      intervalMs: 60_000,
      durationMs: 570_000,
      warmupMs: 60_000,
      stepSeconds: 10,
      failureLimit: 0,
      inconclusiveLimit: -1,
      consecutiveErrorLimit: 2,
      clock: { now: () => now, sleep: async (ms) => void (now += ms) }
    })
    // Judgements at 2, 3, ..., 9 and 9.5 minutes: 9 looks.
    expect(looks.map((l) => l.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(looks.every((l) => l.count === 9)).toBe(true)
  })
})

describe('the live analysis', () => {
  const analysis = {
    ...parseConfig(config(''), 'slipway.yaml').analysis!,
    judge: 'sequential' as const
  }
  // runAnalysis has no fake clock: looks 1 s apart leave the judge ample time on a busy machine.
  const run = (set: typeof slow, only?: string) =>
    runAnalysis({
      provider: {
        name: 'generated',
        range: async (query) => (query.includes('"canary"') ? set.canary : set.baseline)
      },
      analysis: only
        ? { ...analysis, metrics: analysis.metrics.filter((m) => m.name === only) }
        : analysis,
      start: new Date(),
      durationMs: 3000,
      intervalMs: 1000
    })
  const looksOf = (result: Awaited<ReturnType<typeof run>>) =>
    result.measurements.map((m) => {
      const d = m.kind === 'judgement' ? m.judgement.metrics[0].sequential : undefined
      return [d?.look, d?.looks]
    })

  it('with analysis.judge sequential, passes look K of N at every judgement', async () => {
    const result = await run(healthy)
    expect(looksOf(result)).toEqual([
      [1, 3],
      [2, 3],
      [3, 3]
    ])
    expect(result.last?.judgement.metrics[1].comparison).toBeDefined()
    expect(result.verdict).toBe('pass')
  })

  it('fails a slowed canary at the first look whose boundary it clears', async () => {
    const result = await run(slow, 'latency')
    expect(result.verdict).toBe('fail')
    const last = result.last?.judgement.metrics[0]
    expect(last?.classification).toBe('High')
    expect(last?.reason).toMatch(/at look [23]\/3, boundary z/)
  })
})
