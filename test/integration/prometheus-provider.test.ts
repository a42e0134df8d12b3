import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { MetricsError, renderQuery } from '../../src/core/metrics/provider.js'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PrometheusProvider } from '../../src/core/metrics/prometheus.js'
import { prometheusOptions } from '../../src/core/metrics/prometheus-config.js'
import { drive, startHello, type Hello } from '../support/hello.js'
import {
  addScrapeTarget,
  eventually,
  freePort,
  prometheusQuery,
  services
} from '../support/services.js'

jest.setTimeout(120_000)

let hello: Hello
let removeTarget: () => Promise<void>
let load: { stop: () => Promise<void> }
const job = `provider-${process.pid}`

beforeAll(async () => {
  hello = await startHello({ VERSION: 'v1' })
  removeTarget = await addScrapeTarget(job, hello.address, { track: 'stable', job })
  load = drive([`${hello.url}/`], 20, 60_000)
  // A few seconds of history, so the range queries below have samples inside their window.
  await eventually('prometheus to scrape the service', async () => {
    const query = `http_requests_total{job="${job}",route="/",code="200"}`
    const samples = await prometheusQuery(query, new Date(Date.now() - 4000))
    return samples.length > 0 && samples[0].value > 0 ? samples : undefined
  })
})

afterAll(async () => {
  await load?.stop()
  await removeTarget?.()
  await hello?.stop()
})

function lastMinute() {
  const end = new Date()
  return { start: new Date(end.getTime() - 60_000), end, stepSeconds: 2 }
}

describe('PrometheusProvider', () => {
  it('returns one value per step, NaN where the series has no sample yet', async () => {
    const provider = new PrometheusProvider({ url: services().prometheus })
    const query = renderQuery('sum(http_requests_total{route="/",{selector}})', { job })
    const samples = await provider.range(query, lastMinute())
    expect(samples).toHaveLength(31)
    const present = samples.filter((v) => !Number.isNaN(v))
    expect(present.length).toBeGreaterThan(0)
    expect(present.every((v) => v > 0)).toBe(true)
  })

  it('gives no samples for a selector that matches nothing', async () => {
    const provider = new PrometheusProvider({ url: services().prometheus })
    const query = renderQuery('sum(http_requests_total{{selector}})', { job: 'no-such-job' })
    const samples = await provider.range(query, lastMinute())
    expect(samples.every((v) => Number.isNaN(v))).toBe(true)
  })

  it('refuses a query that returns several series', async () => {
    const provider = new PrometheusProvider({ url: services().prometheus })
    await expect(provider.range(`http_requests_total{job="${job}"}`, lastMinute())).rejects.toThrow(
      /returned \d+ series, aggregate it/
    )
  })

  it('reports a bad query with Prometheus own words', async () => {
    const provider = new PrometheusProvider({ url: services().prometheus })
    await expect(provider.range('sum(', lastMinute())).rejects.toThrow(/^prometheus: bad_data: /)
  })

  it('turns an outage into a MetricsError, never an empty answer', async () => {
    const closed = await freePort()
    const provider = new PrometheusProvider({ url: `http://127.0.0.1:${closed}`, attempts: 2 })
    const failure = provider.range('up', lastMinute())
    await expect(failure).rejects.toBeInstanceOf(MetricsError)
    await expect(failure).rejects.toThrow(/did not answer \(ECONNREFUSED\)/)
  })

  it('gives up on a Prometheus that accepts the connection and never answers', async () => {
    const silent = createServer(() => {}) // holds every request open
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    try {
      const options = prometheusOptions({ url: `http://127.0.0.1:${port}`, timeout: '300ms' })
      const provider = new PrometheusProvider({ ...options, attempts: 2 })
      const failure = provider.range('up', lastMinute())
      await expect(failure).rejects.toBeInstanceOf(MetricsError)
      await expect(failure).rejects.toThrow(/did not answer \(timed out\)/)
    } finally {
      silent.closeAllConnections()
      silent.close()
    }
  })

  it('waits 30 s for an answer unless the config says otherwise, also with --prometheus alone', () => {
    const url = 'http://127.0.0.1:9090'
    expect(prometheusOptions(undefined, { url }).timeoutMs).toBe(30_000)
    expect(prometheusOptions({ url, timeout: '5s' }).timeoutMs).toBe(5_000)
  })
})

describe('renderQuery', () => {
  it('fills the selector with escaped label matchers', () => {
    expect(renderQuery('rate(x{code="500",{selector}}[1m])', { track: 'canary', v: 'a"b' })).toBe(
      'rate(x{code="500",track="canary",v="a\\"b"}[1m])'
    )
    expect(renderQuery('x{ns="{namespace}"}', {}, { namespace: 'prod' })).toBe('x{ns="prod"}')
  })
})
