import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { judgeSamples } from '../../src/core/canary/analysis.js'
import { analysisSchema } from '../../src/core/config/schema.js'
import { PrometheusProvider } from '../../src/core/metrics/prometheus.js'

// What Prometheus writes for a sample value is a JSON string holding a decimal number
// (strconv.FormatFloat 'f', -1), or "NaN", "+Inf", "-Inf". Anything else is not a value.

let server: Server
let values: unknown[] = []

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'application/json')
    response.end(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: {}, values: values.map((value, i) => [1000 + i * 10, value]) }]
        }
      })
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function provider(): PrometheusProvider {
  const { port } = server.address() as AddressInfo
  return new PrometheusProvider({ url: `http://127.0.0.1:${port}`, attempts: 1 })
}

const window = { start: new Date(1_000_000), end: new Date(1_000_000 + 90_000), stepSeconds: 10 }

describe('Prometheus sample values', () => {
  it('reads decimal numbers as Prometheus writes them', async () => {
    values = ['1', '0', '-2.5', '0.001', '12345678901234', '1e-7', '3.0', '10', '7', '8']
    expect(await provider().range('q', window)).toEqual([
      1, 0, -2.5, 0.001, 12345678901234, 1e-7, 3, 10, 7, 8
    ])
  })

  it('takes blanks, null, booleans, non-strings, NaN and infinities as missing samples', async () => {
    values = ['', null, true, false, 5, ' 1', '0x10', 'NaN', '+Inf', '-Inf']
    const samples = await provider().range('q', window)
    expect(samples.every((v) => Number.isNaN(v))).toBe(true)
  })

  it('never passes two series of blanks, and fails them with on-no-data: fail', async () => {
    values = Array.from({ length: 10 }, (_, i) => (i % 2 ? '' : null))
    const canary = new Map([['errors', await provider().range('q', window)]])
    const baseline = new Map([['errors', await provider().range('q', window)]])
    const metric = { name: 'errors', query: 'q' }
    const lenient = analysisSchema.parse({ metrics: [metric] })
    expect(judgeSamples(lenient, canary, baseline).verdict).toBe('inconclusive')
    const strict = analysisSchema.parse({ metrics: [{ ...metric, 'on-no-data': 'fail' }] })
    expect(judgeSamples(strict, canary, baseline).verdict).toBe('fail')
  })
})
