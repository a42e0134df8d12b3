import http, { type Agent, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import { guardTransfer, type TransferLimits } from './transfer-guard.js'

// One HTTP exchange over node:http(s), with keep-alive connections, streaming request and
// response bodies, and an idle timeout. No retries, redirects or auth here: registry.ts does
// those, since only it knows what may be repeated and where credentials may go.

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: URL
  headers?: Record<string, string | number>
  /** A Buffer can be sent again; a stream only once. */
  body?: Buffer | Readable
  /** Skip TLS certificate checks (registries the user marked insecure). */
  insecureTls?: boolean
  /** Fail when the connection is idle this long (default 60 s). */
  idleTimeoutMs?: number
  /** A deadline for the whole exchange and a minimum transfer rate (transfer-guard.ts). */
  limits?: TransferLimits
}

export interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  url: URL
  body: IncomingMessage
  header(name: string): string | undefined
  /** The body as bytes; fails when it is longer than `limit`. */
  bytes(limit: number): Promise<Buffer>
  text(limit?: number): Promise<string>
  /** Reads and drops the rest of the body, so the connection can be reused. */
  discard(): void
}

const agentOptions = { keepAlive: true, maxSockets: 32, keepAliveMsecs: 10_000 }
const httpAgent = new http.Agent(agentOptions)

// node:https (and TLS with its root certificates) is loaded when first needed: a loopback
// registry over plain HTTP never needs it, and the CLI starts faster without it.
let httpsLoaded:
  Promise<{ https: typeof import('node:https'); agent: Agent; insecureAgent: Agent }> | undefined
function loadHttps() {
  httpsLoaded ??= import('node:https').then((https) => ({
    https,
    agent: new https.Agent(agentOptions),
    insecureAgent: new https.Agent({ ...agentOptions, rejectUnauthorized: false })
  }))
  return httpsLoaded
}

export class HttpTimeoutError extends Error {
  readonly code = 'ETIMEDOUT'
  constructor(url: URL, ms: number) {
    super(`no answer from ${url.host} within ${Math.round(ms / 1000)} s`)
  }
}

export async function send(request: HttpRequest): Promise<HttpResponse> {
  const { url, method } = request
  const secure = url.protocol === 'https:'
  const loaded = secure ? await loadHttps() : undefined
  const agent = loaded ? (request.insecureTls ? loaded.insecureAgent : loaded.agent) : httpAgent
  const client = loaded ? loaded.https : http
  const idle = request.idleTimeoutMs ?? 60_000
  const headers: Record<string, string | number> = { 'user-agent': USER_AGENT, ...request.headers }
  if (Buffer.isBuffer(request.body)) headers['content-length'] = request.body.length
  else if (!request.body && (method === 'PUT' || method === 'POST' || method === 'PATCH')) {
    headers['content-length'] = 0
  }

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      reject(error)
    }
    let answer: IncomingMessage | undefined
    const req = client.request(url, { method, headers, agent, timeout: idle }, (res) => {
      if (settled) {
        res.destroy()
        return
      }
      settled = true
      answer = res
      guard.response(res)
      resolve(wrap(res, url, method === 'HEAD'))
    })
    const guard = guardTransfer(req, url.host, request.limits ?? {}, (error) => {
      // The reader of the answer's body gets the error, not a bare "aborted".
      answer?.destroy(error)
      req.destroy(error)
    })
    req.on('error', fail)
    req.on('timeout', () => req.destroy(new HttpTimeoutError(url, idle)))
    const body = request.body
    if (body === undefined) req.end()
    else if (Buffer.isBuffer(body)) req.end(body)
    else {
      // When the server answers early (an error) and closes, the pipeline fails: ignored then.
      pipeline(body, req).catch((error: Error) => {
        fail(error)
        req.destroy(error)
      })
    }
  })
}

function wrap(res: IncomingMessage, url: URL, bodiless: boolean): HttpResponse {
  const response: HttpResponse = {
    status: res.statusCode ?? 0,
    headers: res.headers,
    url,
    body: res,
    header(name) {
      const value = res.headers[name.toLowerCase()]
      return Array.isArray(value) ? value.join(', ') : value
    },
    async bytes(limit) {
      const chunks: Buffer[] = []
      let length = 0
      for await (const chunk of res as AsyncIterable<Buffer>) {
        length += chunk.length
        if (length > limit) {
          res.destroy()
          throw new Error(`response from ${url.host} is larger than ${limit} bytes`)
        }
        chunks.push(chunk)
      }
      return Buffer.concat(chunks, length)
    },
    async text(limit = 1 << 20) {
      return (await response.bytes(limit)).toString('utf8')
    },
    discard() {
      // Small bodies (errors, HEAD) are read to the end, which hands the connection back to
      // the pool (also when the parser is done: 'end' only comes once the stream is read);
      // big ones are cut.
      const length = Number(res.headers['content-length'] ?? Number.NaN)
      if (bodiless || res.complete || (Number.isFinite(length) && length <= 64 * 1024)) res.resume()
      else res.destroy()
    }
  }
  return response
}

export const USER_AGENT = 'slipway (+https://github.com/acme/slipway)'

/** 127.0.0.0/8, ::1 and localhost: registries Docker lets you use over plain HTTP. */
export function isLoopbackHost(hostAndPort: string): boolean {
  let host = hostAndPort
  if (host.startsWith('[')) host = host.slice(1, host.indexOf(']'))
  else if (host.split(':').length === 2) host = host.split(':')[0]
  host = host.toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}
