import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { tempDir } from './runner.js'

// A proxy on 127.0.0.1 in front of the test cluster's API server, for the faults a real API
// server cannot be made to show: 500s, 429s with Retry-After, dropped connections, slow answers.
// It terminates TLS with a certificate from the run's own CA (so clients trust it as they trust
// the API server) and forwards each request with the admin client certificate. Faults hit the
// requests a rule matches, a bounded number of times.

export type KubeFault = '500' | '429' | 'drop' | 'slow'

export interface FaultRule {
  kind: KubeFault
  /** Which requests: method and path (query left out). */
  match: (method: string, path: string) => boolean
  /** At most this many times (default unbounded). */
  times?: number
  /** For slow: the delay before forwarding (default 2 s). */
  delayMs?: number
}

export interface KubeFaultProxy {
  /** A kubeconfig that talks to the proxy. */
  kubeconfig: string
  /** The proxy's address, https://127.0.0.1:<port>. */
  url: string
  requests: {
    method: string
    path: string
    query: string
    contentType?: string
    fault?: KubeFault
  }[]
  setRules(rules: FaultRule[]): void
  stop(): Promise<void>
}

interface Pki {
  ca: string
  caKey: string
  cert: string
  key: string
}

function pkiOf(kubeDir: string): Pki {
  const pki = path.join(kubeDir, 'pki')
  return {
    ca: path.join(pki, 'ca.crt'),
    caKey: path.join(pki, 'ca.key'),
    cert: path.join(pki, 'admin.crt'),
    key: path.join(pki, 'admin.key')
  }
}

/** A serving certificate for 127.0.0.1, signed by the cluster's CA. */
function servingCertificate(pki: Pki, dir: string): { cert: Buffer; key: Buffer } {
  const key = path.join(dir, 'proxy.key')
  const csr = path.join(dir, 'proxy.csr')
  const crt = path.join(dir, 'proxy.crt')
  const ext = path.join(dir, 'proxy.ext')
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n')
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' })
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    '/CN=fault-proxy'
  ])
  run([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    pki.ca,
    '-CAkey',
    pki.caKey,
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    ext,
    '-out',
    crt
  ])
  return { cert: readFileSync(crt), key: readFileSync(key) }
}

export async function startKubeFaultProxy(): Promise<KubeFaultProxy> {
  const kubeDir = process.env.SLIPWAY_TEST_KUBE_DIR
  const server = process.env.SLIPWAY_TEST_KUBE_SERVER
  if (!kubeDir || !server)
    throw new Error('SLIPWAY_TEST_KUBE_DIR and _SERVER are not set: run npm test')
  const pki = pkiOf(kubeDir)
  const dir = tempDir('slipway-kube-proxy-')
  const serving = servingCertificate(pki, dir)
  const upstream = new URL(server)
  const agent = new https.Agent({
    ca: readFileSync(pki.ca),
    cert: readFileSync(pki.cert),
    key: readFileSync(pki.key),
    keepAlive: true
  })
  const requests: KubeFaultProxy['requests'] = []
  let rules: (FaultRule & { used: number })[] = []

  const proxy = https.createServer({ cert: serving.cert, key: serving.key }, (req, res) => {
    const method = req.method ?? 'GET'
    const urlPath = (req.url ?? '/').split('?')[0]
    const rule = rules.find(
      (r) => r.match(method, urlPath) && (r.times === undefined || r.used < r.times)
    )
    if (rule) rule.used++
    const query = (req.url ?? '').split('?')[1] ?? ''
    const contentType = req.headers['content-type']
    requests.push({ method, path: urlPath, query, contentType, fault: rule?.kind })
    const forward = () => {
      const out = https.request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method,
          headers: { ...req.headers, host: upstream.host },
          agent
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          // A watch's headers come before any event; held back, client-go cannot stop watching.
          res.flushHeaders()
          answer.pipe(res)
        }
      )
      out.on('error', () => res.destroy())
      req.pipe(out)
    }
    switch (rule?.kind) {
      case '500':
      case '429': {
        req.resume()
        const code = Number(rule.kind)
        res.writeHead(code, {
          'content-type': 'application/json',
          ...(code === 429 ? { 'retry-after': '1' } : {})
        })
        res.end(
          JSON.stringify({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message: `injected ${code}`,
            code
          })
        )
        return
      }
      case 'drop':
        req.socket.destroy()
        return
      case 'slow':
        setTimeout(forward, rule.delayMs ?? 2000)
        return
      default:
        forward()
    }
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const port = (proxy.address() as AddressInfo).port
  const kubeconfig = path.join(dir, 'kubeconfig')
  writeFileSync(
    kubeconfig,
    readFileSync(path.join(kubeDir, 'admin.kubeconfig'), 'utf8').replace(
      /server: .+/,
      `server: https://127.0.0.1:${port}`
    )
  )
  return {
    kubeconfig,
    url: `https://127.0.0.1:${port}`,
    requests,
    setRules(next) {
      rules = next.map((r) => ({ ...r, used: 0 }))
    },
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy()
        proxy.closeAllConnections()
        proxy.close(() => resolve())
      })
  }
}
