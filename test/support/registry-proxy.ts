import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { seededRandom } from './random.js'

// A proxy on 127.0.0.1 in front of a registry: it logs every request (so a test can say "no
// blob was uploaded") and, when asked, injects faults at random from a seed, bounded in
// number: dropped connections, 500s, 429s with Retry-After, blob downloads cut off midway.
// The Host header passes through, so the registry's upload locations point at the proxy.
// With `refuseMounts` it drops mount= and from= from upload requests: the registry then opens
// a plain upload (202), as a registry without cross-repository mounts answers.

export type FaultKind = 'reset' | '500' | '429' | 'truncate'

export interface FaultOptions {
  seed: number
  /** Probability that a request (that `match` accepts) gets a fault. */
  rate: number
  /** At most this many faults in all. */
  max: number
  kinds?: FaultKind[]
  /** Retry-After of a 429, in seconds (default 1). */
  retryAfterSeconds?: number
  /** Which requests may get a fault (default all). */
  match?: (method: string, path: string) => boolean
}

export interface LoggedRequest {
  method: string
  path: string
  status?: number
  fault?: FaultKind
}

export interface RegistryProxy {
  /** 127.0.0.1:PORT */
  host: string
  requests: LoggedRequest[]
  faults: LoggedRequest[]
  setFaults(options: FaultOptions | undefined): void
  stop(): Promise<void>
}

export async function startProxy(
  target: string,
  faults?: FaultOptions,
  { refuseMounts = false }: { refuseMounts?: boolean } = {}
): Promise<RegistryProxy> {
  const requests: LoggedRequest[] = []
  const injected: LoggedRequest[] = []
  let options = faults
  let random = seededRandom(faults?.seed ?? 1)
  const agent = new http.Agent({ keepAlive: true })
  const [targetHost, targetPort] = target.split(':')

  const pickFault = (method: string, path: string): FaultKind | undefined => {
    if (!options || injected.length >= options.max) return undefined
    if (options.match && !options.match(method, path)) return undefined
    if (random() >= options.rate) return undefined
    const kinds = (options.kinds ?? ['reset', '500', '429', 'truncate']).filter(
      (k) => k !== 'truncate' || (method === 'GET' && path.includes('/blobs/sha256:'))
    )
    if (kinds.length === 0) return undefined
    return kinds[Math.floor(random() * kinds.length)]
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const entry: LoggedRequest = { method: req.method ?? '', path: req.url ?? '' }
    requests.push(entry)
    const fault = pickFault(entry.method, entry.path)
    if (fault) {
      entry.fault = fault
      injected.push(entry)
    }
    if (fault === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault === '500' || fault === '429') {
      entry.status = Number(fault)
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (fault === '429') headers['retry-after'] = String(options?.retryAfterSeconds ?? 1)
      // The request body is not read: close the connection after answering.
      headers.connection = 'close'
      res.writeHead(entry.status, headers)
      res.end(
        JSON.stringify({
          errors: [{ code: fault === '429' ? 'TOOMANYREQUESTS' : 'UNKNOWN', message: 'injected' }]
        })
      )
      return
    }
    let path = req.url ?? '/'
    if (refuseMounts && path.includes('/blobs/uploads/?')) {
      const url = new URL(path, 'http://registry')
      url.searchParams.delete('mount')
      url.searchParams.delete('from')
      path = `${url.pathname}${url.search}`
    }
    const upstream = http.request(
      {
        host: targetHost,
        port: Number(targetPort),
        method: req.method,
        path,
        headers: req.headers,
        agent
      },
      (answer) => {
        entry.status = answer.statusCode
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        if (fault !== 'truncate') {
          answer.pipe(res)
          return
        }
        // Pass on at most half of the body, then drop the connection.
        const length = Number(answer.headers['content-length'] ?? 0)
        const limit = Math.min(32 * 1024, Math.floor(length / 2))
        let passed = 0
        answer.on('data', (chunk: Buffer) => {
          if (passed + chunk.length > limit) {
            res.write(chunk.subarray(0, Math.max(0, limit - passed)))
            answer.destroy()
            res.socket?.destroy()
            return
          }
          passed += chunk.length
          res.write(chunk)
        })
        answer.on('end', () => res.end())
      }
    )
    upstream.on('error', () => res.socket?.destroy())
    req.pipe(upstream)
  }

  const server = http.createServer(handle)
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    host: `127.0.0.1:${port}`,
    requests,
    faults: injected,
    setFaults(next) {
      options = next
      random = seededRandom(next?.seed ?? 1)
      injected.length = 0
    },
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      agent.destroy()
    }
  }
}
