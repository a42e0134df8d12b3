import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createServer, Socket, type Server } from 'node:net'
import { runAnalysis } from '../../src/core/canary/analysis.js'
import { analysisSchema } from '../../src/core/config/schema.js'
import { PrometheusProvider } from '../../src/core/metrics/prometheus.js'
import { drive, startHello, type Hello } from '../support/hello.js'
import { addScrapeTarget, eventually, prometheusQuery, services } from '../support/services.js'

// The live loop against the real Prometheus, scraping real copies of examples/hello: a
// baseline and canaries with injected latency or errors, each labelled by track.

jest.setTimeout(180_000)

const run = `live-${process.pid}`
const started: Hello[] = []
const cleanups: (() => Promise<void>)[] = []

async function deploy(track: string, env: Record<string, string> = {}): Promise<void> {
  const hello = await startHello({ VERSION: track, ...env })
  started.push(hello)
  cleanups.push(await addScrapeTarget(`${run}-${track}`, hello.address, { run, track }))
  const load = drive([`${hello.url}/`], 25, 170_000)
  cleanups.push(load.stop)
}

function analysis(canaryTrack: string, extra: Record<string, unknown> = {}) {
  return analysisSchema.parse({
    interval: '4s',
    duration: '20s',
    step: '1s',
    canary: { run, track: canaryTrack },
    baseline: { run, track: 'baseline' },
    metrics: [
      {
        name: 'mean-latency',
        query:
          'sum(rate(http_request_duration_seconds_sum{route="/",{selector}}[4s])) / sum(rate(http_request_duration_seconds_count{route="/",{selector}}[4s]))',
        direction: 'increase'
      },
      {
        name: 'error-rate',
        query:
          'sum(rate(http_requests_total{route="/",code="500",{selector}}[4s])) / sum(rate(http_requests_total{route="/",{selector}}[4s]))',
        direction: 'increase',
        critical: true
      }
    ],
    ...extra
  })
}

const prometheus = () => new PrometheusProvider({ url: services().prometheus })

beforeAll(async () => {
  await deploy('baseline')
  await deploy('healthy')
  await deploy('slow', { LATENCY_MS: '25' })
  await deploy('failing', { ERROR_RATE: '0.3' })
  await eventually('prometheus to have a few seconds of every copy', async () => {
    const samples = await prometheusQuery(
      `count(http_requests_total{run="${run}",route="/",code="200"})`,
      new Date(Date.now() - 3000)
    )
    return samples[0]?.value === 4 ? samples : undefined
  })
})

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  await Promise.all(started.map((h) => h.stop()))
})

describe('live canary analysis with the real Prometheus', () => {
  it('passes a healthy canary', async () => {
    const result = await runAnalysis({ provider: prometheus(), analysis: analysis('healthy') })
    expect(result.reason).toMatch(/final judgement: pass/)
    expect(result.verdict).toBe('pass')
    expect(result.last?.judgement.metrics.map((m) => m.classification)).toEqual(['Pass', 'Pass'])
  })

  it('fails a canary with injected latency within the window', async () => {
    const result = await runAnalysis({ provider: prometheus(), analysis: analysis('slow') })
    expect(result.verdict).toBe('fail')
    const latency = result.last?.judgement.metrics.find((m) => m.name === 'mean-latency')
    expect(latency?.classification).toBe('High')
    expect(latency?.reason).toMatch(/canary higher/)
  })

  it('fails a canary answering 5xx at once, on the critical metric', async () => {
    const result = await runAnalysis({ provider: prometheus(), analysis: analysis('failing') })
    expect(result.verdict).toBe('fail')
    expect(result.reason).toMatch(/critical metric failed/)
    expect(result.measurements.length).toBeLessThan(5)
  })

  it('is inconclusive, never pass, when the selector finds no data', async () => {
    const result = await runAnalysis({ provider: prometheus(), analysis: analysis('not-deployed') })
    expect(result.verdict).toBe('inconclusive')
    expect(result.last?.judgement.metrics.every((m) => m.classification === 'NoData')).toBe(true)
  })

  it('is inconclusive, never pass, on NaN series', async () => {
    const nan = analysis('healthy')
    nan.metrics = [{ ...nan.metrics[0], name: 'nan', query: 'sum(up{{selector}}) * 0 / 0' }]
    const result = await runAnalysis({ provider: prometheus(), analysis: nan })
    expect(result.verdict).toBe('inconclusive')
  })

  it('is inconclusive, never pass, when Prometheus goes away mid-run', async () => {
    const proxy = await tcpProxy(new URL(services().prometheus).port)
    setTimeout(() => proxy.close(), 6000)
    const provider = new PrometheusProvider({ url: `http://127.0.0.1:${proxy.port}`, attempts: 1 })
    const result = await runAnalysis({
      provider,
      analysis: analysis('healthy', { 'consecutive-error-limit': 1 })
    })
    expect(result.verdict).toBe('inconclusive')
    expect(result.reason).toMatch(/metrics unavailable 2 times in a row .*ECONNREFUSED/)
  })
})

/** A loopback TCP proxy to Prometheus that can be shut, as if Prometheus had stopped. */
async function tcpProxy(targetPort: string): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = new Socket()
    sockets.add(client).add(upstream)
    upstream.connect(Number(targetPort), '127.0.0.1')
    client.pipe(upstream).pipe(client)
    const drop = () => (client.destroy(), upstream.destroy())
    client.on('error', drop)
    upstream.on('error', drop)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    port,
    close: () => {
      server.close()
      for (const socket of sockets) socket.destroy()
    }
  }
}
