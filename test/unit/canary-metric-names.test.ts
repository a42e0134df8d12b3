import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { judgeSamples } from '../../src/core/canary/analysis.js'
import { metricChart } from '../../src/core/canary/chart.js'
import { analyzeLive } from '../../src/core/canary/live.js'
import type { Judgement } from '../../src/core/canary/types.js'
import { analysisSchema } from '../../src/core/config/schema.js'
import { runCli } from '../support/cli.js'

// Metric names are data: names that are also properties of every JavaScript object must
// be judged like any other name, never dropped or mistaken for a built-in.

const NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString']

const steady = [100, 101, 99, 100, 102, 98, 100, 101, 99, 100, 100, 101]
const tenfold = steady.map((v) => v * 10)

describe('metric names that are properties of Object.prototype', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'slipway-names-'))
    // JSON text, so "__proto__" is an ordinary key of the document.
    const file = (series: number[]) =>
      `{"metrics": {${NAMES.map((n) => `"${n}": ${JSON.stringify(series)}`).join(', ')}}}`
    await writeFile(path.join(dir, 'baseline.json'), file(steady))
    await writeFile(path.join(dir, 'canary.json'), file(tenfold))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('canary judge judges every one of them from the samples files', async () => {
    const result = await runCli(
      ['canary', 'judge', '--baseline', 'baseline.json', '--canary', 'canary.json'],
      dir
    )
    expect(result.err).toBe('')
    const report = JSON.parse(result.out) as { verdict: string; metrics: { name: string }[] }
    expect(report.metrics.map((m) => m.name)).toEqual(NAMES)
    expect(report.metrics).toEqual(
      NAMES.map((name) => expect.objectContaining({ name, classification: 'High' }))
    )
    expect(report.verdict).toBe('fail')
  })

  it('the live analysis fetches, judges and charts every configured one', async () => {
    const analysis = analysisSchema.parse({
      metrics: NAMES.map((name) => ({ name, query: `${name}{{selector}}`, group: name }))
    })
    let now = 0
    const result = await analyzeLive<Judgement>({
      provider: {
        name: 'scripted',
        range: async (query) => (query.includes('canary') ? tenfold : steady)
      },
      metrics: analysis.metrics.map((m) => ({ name: m.name, query: m.query })),
      canary: { track: 'canary' },
      baseline: { track: 'baseline' },
      judge: (canary, baseline) => judgeSamples(analysis, canary, baseline),
      start: new Date(0),
      intervalMs: 60_000,
      durationMs: 60_000,
      warmupMs: 0,
      stepSeconds: 10,
      failureLimit: 0,
      inconclusiveLimit: -1,
      consecutiveErrorLimit: 0,
      clock: { now: () => now, sleep: async (ms) => void (now += ms) }
    })
    const last = result.last!
    expect(last.judgement.verdict).toBe('fail')
    const metrics = (last.judgement as unknown as { metrics: { name: string }[] }).metrics
    expect(metrics).toEqual(
      NAMES.map((name) => expect.objectContaining({ name, classification: 'High' }))
    )
    for (const name of NAMES) {
      expect(metricChart(name, last.canary, last.baseline, 10)).toContain('line [1000,')
    }
    // The same metrics, each in a group of its name without a weight, on a healthy canary.
    const healthy = judgeSamples(analysis, last.baseline, last.baseline)
    expect(healthy).toMatchObject({ verdict: 'pass', score: 100 })
  })

  it('a configured name without samples is no data, not a built-in function', async () => {
    const metrics = NAMES.map((n) => `    - { name: "${n}", query: q, on-no-data: fail }`)
    await writeFile(
      path.join(dir, 'slipway.yaml'),
      [
        'image: { repository: ghcr.io/acme/app }',
        'manifests: { path: k8s }',
        'environments: { staging: { namespace: app } }',
        'analysis:',
        '  metrics:',
        ...metrics,
        ''
      ].join('\n')
    )
    await writeFile(path.join(dir, 'none.json'), '{"metrics": {}}')
    const result = await runCli(
      [
        'canary',
        'judge',
        '--config',
        'slipway.yaml',
        '--baseline',
        'none.json',
        '--canary',
        'none.json'
      ],
      dir
    )
    expect(result.err).toBe('')
    const report = JSON.parse(result.out) as {
      verdict: string
      metrics: { name: string; classification: string }[]
    }
    expect(report.verdict).toBe('fail')
    expect(report.metrics.map((m) => [m.name, m.classification])).toEqual(
      NAMES.map((name) => [name, 'NoData'])
    )
  })
})
