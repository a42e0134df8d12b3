// The provider's credentials and TLS options against a real Prometheus started with a web config
// (TLS with a self-signed certificate for 127.0.0.1, basic auth with a bcrypt password), and the
// bearer token and custom headers through a loopback proxy in front of it, since Prometheus
// itself only checks basic auth.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseConfig } from '../../src/core/config/index.js'
import { MetricsError } from '../../src/core/metrics/provider.js'
import { PrometheusProvider } from '../../src/core/metrics/prometheus.js'
import { prometheusOptions } from '../../src/core/metrics/prometheus-config.js'
import { eventually, freePort } from '../support/services.js'

jest.setTimeout(120_000)

const PASSWORD = 'correct horse battery staple'
let dir: string
let prometheus: ChildProcess
let url: string
let ca: string
let proxy: Server
let proxyUrl: string
const seenByProxy: IncomingHttpHeaders[] = []

function window() {
  const end = new Date()
  return { start: new Date(end.getTime() - 10_000), end, stepSeconds: 5 }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'slipway-prom-auth-'))
  ca = path.join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      ca
    ],
    { stdio: 'ignore' }
  )
  const hash = execFileSync('htpasswd', ['-nbBC', '10', 'slipway', PASSWORD], { encoding: 'utf8' })
    .trim()
    .split(':')[1]
  writeFileSync(
    path.join(dir, 'web.yml'),
    `tls_server_config:\n  cert_file: ${ca}\n  key_file: ${path.join(dir, 'key.pem')}\n` +
      `basic_auth_users:\n  slipway: '${hash}'\n`
  )
  writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1s\n')
  const port = await freePort()
  url = `https://127.0.0.1:${port}`
  prometheus = spawn(
    '/usr/bin/prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--web.config.file=${path.join(dir, 'web.yml')}`
    ],
    { stdio: 'ignore' }
  )
  await eventually('the TLS Prometheus to answer', () => readyStatus(port))

  // Requires the bearer token and forwards, with basic auth, to the TLS Prometheus.
  proxy = createServer((req, res) => {
    seenByProxy.push(req.headers)
    if (req.headers.authorization !== 'Bearer s3cret-token') {
      res.writeHead(401).end('unauthorized')
      return
    }
    const upstream = request(
      `${url}${req.url}`,
      {
        method: req.method,
        ca: readFileSync(ca),
        headers: {
          'content-type': req.headers['content-type'] ?? '',
          authorization: `Basic ${Buffer.from(`slipway:${PASSWORD}`).toString('base64')}`
        }
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const address = proxy.address()
  proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  prometheus?.kill()
  await new Promise((resolve) => proxy?.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

async function readyStatus(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(
      `https://127.0.0.1:${port}/-/ready`,
      { rejectUnauthorized: false },
      (res) => {
        res.resume()
        resolve(res.statusCode === 401 ? 401 : undefined)
      }
    )
    req.on('error', () => resolve(undefined))
    req.end()
  })
}

const config = (prometheus: string) =>
  parseConfig(
    `image: { repository: ghcr.io/acme/hello }
manifests: { path: deploy }
environments: { staging: { namespace: hello } }
analysis:
  provider:
    prometheus:
${prometheus}
  metrics: [{ name: up, query: vector(1) }]
`,
    'slipway.yaml'
  ).analysis?.provider?.prometheus

describe('Prometheus credentials and TLS from slipway.yaml', () => {
  it('queries a Prometheus behind TLS with basic auth, trusting the configured CA', async () => {
    const options = prometheusOptions(
      config(
        `      url: ${url}\n      basic-auth: { username: slipway, password-env: PROM_PASSWORD }\n      tls: { ca-file: ${ca} }`
      ),
      { env: { PROM_PASSWORD: PASSWORD } }
    )
    const samples = await new PrometheusProvider(options).range('vector(1)', window())
    expect(samples.length).toBeGreaterThan(0)
    expect(samples.every((v) => v === 1)).toBe(true)
  })

  it('masks the password before anything could print it', () => {
    const masked: string[] = []
    const options = prometheusOptions(
      config(
        `      url: ${url}\n      basic-auth: { username: slipway, password-env: PROM_PASSWORD }`
      ),
      { env: { PROM_PASSWORD: PASSWORD }, onSecret: (s) => masked.push(s) }
    )
    new PrometheusProvider(options)
    expect(masked).toContain(PASSWORD)
  })

  it('fails with a metrics error, not a pass, on a wrong password', async () => {
    const options = prometheusOptions(
      config(
        `      url: ${url}\n      basic-auth: { username: slipway, password-env: PROM_PASSWORD }\n      tls: { ca-file: ${ca} }`
      ),
      { env: { PROM_PASSWORD: 'wrong' } }
    )
    const error = await new PrometheusProvider(options).range('vector(1)', window()).catch((e) => e)
    expect(error).toBeInstanceOf(MetricsError)
    expect((error as Error).message).toMatch(/401/)
  })

  it('refuses a certificate it was not told to trust, unless told to skip verification', async () => {
    const untrusted = prometheusOptions(
      config(`      url: ${url}\n      basic-auth: { username: slipway, password-env: P }`),
      { env: { P: PASSWORD } }
    )
    const error = await new PrometheusProvider(untrusted)
      .range('vector(1)', window())
      .catch((e) => e)
    expect(error).toBeInstanceOf(MetricsError)

    const skipping = prometheusOptions(
      config(
        `      url: ${url}\n      basic-auth: { username: slipway, password-env: P }\n      tls: { insecure-skip-verify: true }`
      ),
      { env: { P: PASSWORD } }
    )
    const samples = await new PrometheusProvider(skipping).range('vector(1)', window())
    expect(samples.every((v) => v === 1)).toBe(true)
  })

  it('sends the bearer token from the named variable and the custom headers', async () => {
    const options = prometheusOptions(
      config(
        `      url: ${proxyUrl}\n      bearer-token-env: PROM_TOKEN\n      headers: { X-Scope-OrgID: team-a }`
      ),
      { env: { PROM_TOKEN: 's3cret-token' } }
    )
    const samples = await new PrometheusProvider(options).range('vector(1)', window())
    expect(samples.every((v) => v === 1)).toBe(true)
    expect(seenByProxy.at(-1)?.['x-scope-orgid']).toBe('team-a')
  })

  it('names the variable when the one holding the token is not set', () => {
    expect(() =>
      prometheusOptions(config(`      url: ${proxyUrl}\n      bearer-token-env: PROM_TOKEN`), {
        env: {}
      })
    ).toThrow(
      'analysis.provider.prometheus.bearer-token-env names PROM_TOKEN, which is not set in the environment'
    )
  })
})
