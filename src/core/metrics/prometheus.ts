import { readFileSync } from 'node:fs'
import { Agent, type Dispatcher } from 'undici'
import { MetricsError, type MetricsProvider, type Window } from './provider.js'
import { parseSampleValue } from './sample-value.js'

export interface PrometheusOptions {
  url: string
  bearerToken?: string
  basicAuth?: { username: string; password: string }
  headers?: Record<string, string>
  tls?: { caFile?: string; insecureSkipVerify?: boolean }
  /** Of each request (default 30 s, as slipway.yaml's analysis.provider.prometheus.timeout). */
  timeoutMs?: number
  /** Attempts per query, for connection errors, 429 and 5xx answers. */
  attempts?: number
  /** Called with every credential before use, so adapters can mask it. */
  onSecret?: (value: string) => void
}

interface QueryResponse {
  status: 'success' | 'error'
  errorType?: string
  error?: string
  data?: {
    resultType: string
    result: { metric: Record<string, string>; values?: [number, unknown][] }[]
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000

/** Prometheus HTTP API range queries (`/api/v1/query_range`). */
export class PrometheusProvider implements MetricsProvider {
  readonly name = 'prometheus'
  private readonly base: string
  private readonly headers: Record<string, string>
  private readonly dispatcher?: Dispatcher

  constructor(private readonly options: PrometheusOptions) {
    this.base = options.url.replace(/\/+$/, '')
    this.headers = { Accept: 'application/json', ...options.headers }
    if (options.bearerToken) {
      options.onSecret?.(options.bearerToken)
      this.headers.Authorization = `Bearer ${options.bearerToken}`
    } else if (options.basicAuth) {
      options.onSecret?.(options.basicAuth.password)
      const pair = `${options.basicAuth.username}:${options.basicAuth.password}`
      this.headers.Authorization = `Basic ${Buffer.from(pair).toString('base64')}`
    }
    if (options.tls) {
      this.dispatcher = new Agent({
        connect: {
          ca: options.tls.caFile ? readFileSync(options.tls.caFile) : undefined,
          rejectUnauthorized: !options.tls.insecureSkipVerify
        }
      })
    }
  }

  async range(query: string, window: Window): Promise<number[]> {
    const start = Math.floor(window.start.getTime() / 1000)
    const end = Math.floor(window.end.getTime() / 1000)
    const body = new URLSearchParams({
      query,
      start: String(start),
      end: String(end),
      step: String(window.stepSeconds)
    })
    const response = await this.post('/api/v1/query_range', body)
    const result = response.data?.result ?? []
    if (response.data?.resultType !== 'matrix') {
      throw new MetricsError(
        `prometheus: expected a range vector, got ${response.data?.resultType}`
      )
    }
    if (result.length > 1) {
      throw new MetricsError(
        `prometheus: query returned ${result.length} series, aggregate it to one (e.g. sum(...)): ${query}`
      )
    }
    const steps = Math.floor((end - start) / window.stepSeconds) + 1
    const samples = new Array<number>(steps).fill(NaN)
    for (const [time, value] of result[0]?.values ?? []) {
      const index = Math.round((time - start) / window.stepSeconds)
      if (index >= 0 && index < steps) samples[index] = parseSampleValue(value)
    }
    return samples
  }

  private async post(path: string, body: URLSearchParams): Promise<QueryResponse> {
    const attempts = this.options.attempts ?? 3
    let lastError = ''
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(200 * 2 ** (attempt - 2), 2000))
      let response: Response
      try {
        response = await fetch(`${this.base}${path}`, {
          method: 'POST',
          headers: { ...this.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
          // @ts-expect-error undici's fetch option, absent from the DOM RequestInit type
          dispatcher: this.dispatcher
        })
      } catch (error) {
        lastError = describeFetchError(error)
        continue
      }
      if (response.status === 429 || response.status >= 500) {
        lastError = `HTTP ${response.status}`
        await response.body?.cancel()
        continue
      }
      const text = await response.text()
      let parsed: QueryResponse
      try {
        parsed = JSON.parse(text) as QueryResponse
      } catch {
        throw new MetricsError(`prometheus: HTTP ${response.status}, not a Prometheus API answer`)
      }
      if (parsed.status !== 'success') {
        throw new MetricsError(
          `prometheus: ${parsed.errorType ?? 'error'}: ${parsed.error ?? text}`
        )
      }
      return parsed
    }
    throw new MetricsError(`prometheus at ${this.base} did not answer (${lastError})`)
  }
}

function describeFetchError(error: unknown): string {
  // By name: AbortSignal.timeout's DOMException is not an Error of every realm (jest's vm).
  if ((error as { name?: string } | undefined)?.name === 'TimeoutError') return 'timed out'
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? String(error)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
