import type { Readable } from 'node:stream'
import type { Authenticator } from './auth.js'
import { DigestMismatchError } from './digest.js'
import { isLoopbackHost, send, type HttpRequest, type HttpResponse } from './http.js'
import { registryApiHost } from './reference.js'
import { describeErrorBody, RegistryError } from './registry-error.js'
import { TransferLimitError, type TransferLimits } from './transfer-guard.js'
import {
  isRetryableNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  RetryBudget,
  type RetryOptions
} from './retry.js'

// How RegistryClient talks to registries: which scheme (HTTPS, or plain HTTP for loopback and
// insecure registries), authentication answering challenges, redirects, and retries with
// backoff that honours Retry-After. Each call is one distribution API request.

const MAX_REDIRECTS = 5

export interface CallTarget {
  registry: string
  /** The repository the call is about, for messages. */
  repository: string
  scopes: string[]
  /** For messages: "GET manifest ghcr.io/acme/app:1.0" */
  what: string
}

export interface Call extends CallTarget {
  method: HttpRequest['method']
  /** A path under the registry (/v2/...), or an absolute URL it gave (an upload location). */
  path?: string
  url?: URL
  headers?: Record<string, string | number>
  body?: Buffer | Readable
  followRedirects?: boolean
  /** One attempt only; failures come back marked retryable (a PATCH resumes instead). */
  once?: boolean
}

export interface TransportOptions {
  /** Hosts (host or host:port) that may use plain HTTP or unchecked TLS, besides loopback. */
  insecure: string[]
  retry: RetryOptions
  idleTimeoutMs?: number
  limits?: TransferLimits
}

export class RegistryTransport {
  private readonly endpoints = new Map<string, Promise<URL>>()
  private readonly insecure: Set<string>
  /** Set by RegistryClient once built (it needs this transport to reach token realms). */
  auth?: Authenticator

  constructor(private readonly options: TransportOptions) {
    this.insecure = new Set(options.insecure.map((host) => host.trim().toLowerCase()))
  }

  get retry(): RetryOptions {
    return this.options.retry
  }

  /**
   * Sends a call: authenticates (answering challenges), follows redirects for blob reads
   * (without credentials to other hosts), and retries connection failures, 429 and 5xx with
   * backoff that honours Retry-After. A call with a stream body is sent once.
   */
  async call(call: Call): Promise<HttpResponse> {
    const base = await this.endpoint(call.registry)
    let url = call.url ?? new URL(call.path ?? '/v2/', base)
    const replayable = !call.once && (call.body === undefined || Buffer.isBuffer(call.body))
    const budget = new RetryBudget(this.options.retry)
    let challenges = 0
    let redirects = 0
    for (;;) {
      const ours = url.origin === base.origin
      const authorization = ours ? await this.auth?.header(call.registry, call.scopes) : undefined
      let response: HttpResponse
      try {
        response = await send({
          method: call.method,
          url,
          headers: { ...call.headers, ...(authorization ? { authorization } : {}) },
          body: call.body,
          insecureTls: this.isInsecure(url.host),
          idleTimeoutMs: this.options.idleTimeoutMs,
          limits: this.options.limits
        })
      } catch (error) {
        if (error instanceof RegistryError || error instanceof DigestMismatchError) throw error
        if (error instanceof TransferLimitError) {
          throw new RegistryError(`${call.what}: ${error.message}`)
        }
        const network = isRetryableNetworkError(error)
        const message = `${call.what}: ${networkMessage(error)}`
        if (!network || !replayable) throw new RegistryError(message, { retryable: network })
        const decision = budget.next()
        if (!decision.retry) {
          throw new RegistryError(
            `${call.what}: cannot reach ${call.registry}: ${networkMessage(error)} (${budget.attemptsMade} attempts)`
          )
        }
        await budget.sleep(decision.delayMs)
        continue
      }

      const status = response.status
      if (status === 401 && ours) {
        const challenge = response.header('www-authenticate')
        response.discard()
        if (!replayable && call.body !== undefined) {
          throw new RegistryError(`${call.what}: ${call.registry} asked to authenticate again`, {
            status,
            retryable: true
          })
        }
        if (!this.auth)
          throw new RegistryError(`${call.what}: ${call.registry} wants authentication`, { status })
        if (challenges >= 2 || (challenges >= 1 && authorization !== undefined)) {
          throw await this.auth.refused(call.registry, call.repository, challenge)
        }
        challenges++
        await this.auth.challenge(call.registry, call.scopes, challenge)
        continue
      }
      if (call.followRedirects && [301, 302, 303, 307, 308].includes(status)) {
        const location = response.header('location')
        response.discard()
        if (!location || ++redirects > MAX_REDIRECTS) {
          throw new RegistryError(`${call.what}: too many redirects, or one without a location`, {
            status
          })
        }
        url = new URL(location, url)
        continue
      }
      if (isRetryableStatus(status)) {
        const retryAfterMs = parseRetryAfter(response.header('retry-after'))
        const body = await response.text(64 << 10).catch(() => '')
        const { code, text } = describeErrorBody(body)
        const message = `${call.what}: ${call.registry} answered HTTP ${status}${text ? ` ${text}` : ''}`
        if (!replayable)
          throw new RegistryError(message, { status, code, retryable: true, retryAfterMs })
        const decision = budget.next(retryAfterMs)
        if (!decision.retry) {
          const waited =
            retryAfterMs !== undefined && decision.delayMs >= retryAfterMs
              ? `, asked to retry after ${Math.ceil(retryAfterMs / 1000)} s`
              : ''
          throw new RegistryError(`${message} (${budget.attemptsMade} attempts${waited})`, {
            status,
            code
          })
        }
        await budget.sleep(decision.delayMs)
        continue
      }
      return response
    }
  }

  location(response: HttpResponse, what: string, fallback?: URL): URL {
    const location = response.header('location')
    if (!location) {
      if (fallback) return fallback
      throw new RegistryError(`${what}: the registry gave no upload location`)
    }
    return new URL(location, response.url)
  }

  /** A RegistryError for an unexpected answer, with the registry's own error code and message. */
  async failure(response: HttpResponse, what: string): Promise<RegistryError> {
    const body = await response.text(64 << 10).catch(() => '')
    const { code, text } = describeErrorBody(body)
    const status = response.status
    const detail = text ? `: ${text}` : ''
    if (status === 403)
      return new RegistryError(`access denied: ${what} (HTTP 403${detail})`, { status, code })
    return new RegistryError(`${what}: HTTP ${status}${detail}`, { status, code })
  }

  isInsecure(host: string): boolean {
    const lower = host.toLowerCase()
    const hostname = lower.startsWith('[')
      ? lower.slice(0, lower.indexOf(']') + 1)
      : lower.split(':')[0]
    return isLoopbackHost(lower) || this.insecure.has(lower) || this.insecure.has(hostname)
  }

  /** https://host, except for loopback and insecure registries (see probe). */
  endpoint(registry: string): Promise<URL> {
    const host = registryApiHost(registry)
    let endpoint = this.endpoints.get(host)
    if (!endpoint) {
      endpoint = this.isInsecure(host)
        ? this.probe(host)
        : Promise.resolve(new URL(`https://${host}`))
      this.endpoints.set(host, endpoint)
    }
    return endpoint
  }

  /**
   * The scheme of a loopback or insecure registry. Loopback: plain HTTP first (what local
   * registries speak; TLS is not even loaded), HTTPS when the answer says so (Go's "Client sent
   * an HTTP request to an HTTPS server") or there is no HTTP answer. A registry marked insecure:
   * HTTPS first without certificate checks, then HTTP, as Docker does.
   */
  private async probe(host: string): Promise<URL> {
    const plain = new URL(`http://${host}`)
    const secure = new URL(`https://${host}`)
    const order = isLoopbackHost(host) ? [plain, secure] : [secure, plain]
    for (const base of order) {
      try {
        const response = await send({
          method: 'GET',
          url: new URL('/v2/', base),
          insecureTls: true,
          idleTimeoutMs: 5_000
        })
        if (base === plain && response.status === 400) {
          const text = await response.text(4096).catch(() => '')
          if (/https/i.test(text)) continue
        } else {
          response.discard()
        }
        return base
      } catch {
        // no answer in this scheme: try the other
      }
    }
    return order[0]
  }

  /** Token realms: retried like registry calls, without registry auth. */
  async sendWithRetry(request: HttpRequest, what: string): Promise<HttpResponse> {
    const budget = new RetryBudget(this.options.retry)
    for (;;) {
      let response: HttpResponse
      try {
        response = await send({
          ...request,
          insecureTls: this.isInsecure(request.url.host),
          idleTimeoutMs: this.options.idleTimeoutMs,
          limits: this.options.limits
        })
      } catch (error) {
        if (!isRetryableNetworkError(error))
          throw new RegistryError(`${what} to ${request.url.host} failed: ${networkMessage(error)}`)
        const decision = budget.next()
        if (!decision.retry)
          throw new RegistryError(
            `cannot reach ${request.url.host} (${what}): ${networkMessage(error)}`
          )
        await budget.sleep(decision.delayMs)
        continue
      }
      if (!isRetryableStatus(response.status)) return response
      const decision = budget.next(parseRetryAfter(response.header('retry-after')))
      if (!decision.retry) return response
      response.discard()
      await budget.sleep(decision.delayMs)
    }
  }
}

function networkMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const message = error instanceof Error ? error.message : String(error)
  return code && !message.includes(code) ? `${code} ${message}` : message
}
