import { createPrivateKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCommand } from '../../src/core/process.js'

// Authentication for test registries: bcrypt htpasswd lines for basic auth, and a token server
// (the distribution "token authentication" realm) that the registry trusts through a
// self-signed certificate: it checks basic credentials or an OAuth2 refresh token and signs
// JWTs (RS256, certificate in x5c) granting what was asked for.

/** A bcrypt htpasswd line: htpasswd from apache2-utils, else Python's crypt module. */
export async function htpasswdLine(user: string, password: string): Promise<string> {
  try {
    const result = await runCommand('htpasswd', ['-nbB', user, password])
    if (result.exitCode === 0) return result.stdout.trim() + '\n'
  } catch {
    // not installed: try Python
  }
  const script =
    'import crypt,sys,warnings; warnings.simplefilter("ignore"); ' +
    'print(sys.argv[1] + ":" + crypt.crypt(sys.argv[2], crypt.mksalt(crypt.METHOD_BLOWFISH)))'
  const result = await runCommand('python3', ['-c', script, user, password])
  if (result.exitCode !== 0) {
    throw new Error(
      'no way to make a bcrypt htpasswd line: install apache2-utils (htpasswd) ' +
        `or a Python with the crypt module: ${result.stderr}`
    )
  }
  return result.stdout.trim() + '\n'
}

export interface TokenRequest {
  method: string
  scopes: string[]
  service?: string
  /** Who asked: a user name, "refresh:<user>" for a refresh token, or undefined. */
  user?: string
  granted: boolean
}

export interface TokenServer {
  realm: string
  service: string
  issuer: string
  certFile: string
  requests: TokenRequest[]
  /** A token granting these scopes, for pushing test images past the registry's auth. */
  mint(scopes: string[]): string
  stop(): Promise<void>
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url')
}

/**
 * Starts a token server. `users` maps names to passwords; `refreshTokens` maps OAuth2 refresh
 * tokens (docker identity tokens) to user names. Anonymous requests get a token without
 * access, so the registry refuses them, as a private registry would.
 */
export async function startTokenServer(options: {
  users: Record<string, string>
  refreshTokens?: Record<string, string>
}): Promise<TokenServer & { dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'slipway-token-'))
  const keyFile = path.join(dir, 'token.key')
  const certFile = path.join(dir, 'token.crt')
  const made = await runCommand('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=slipway-test-token'
  ])
  if (made.exitCode !== 0) throw new Error(`openssl failed: ${made.stderr}`)
  const key: KeyObject = createPrivateKey(await readFile(keyFile))
  const certificate = new X509Certificate(await readFile(certFile))
  const x5c = certificate.raw.toString('base64')
  const service = 'slipway-test-registry'
  const issuer = 'slipway-test-issuer'
  const requests: TokenRequest[] = []

  const mint = (scopes: string[]): string => {
    const now = Math.floor(Date.now() / 1000)
    const header = { alg: 'RS256', typ: 'JWT', x5c: [x5c] }
    const access = scopes.map((scope) => {
      const first = scope.indexOf(':')
      const last = scope.lastIndexOf(':')
      return {
        type: scope.slice(0, first),
        name: scope.slice(first + 1, last),
        actions: scope.slice(last + 1).split(',')
      }
    })
    const claims = {
      iss: issuer,
      sub: 'slipway-test',
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access
    }
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
    return `${input}.${base64url(sign('sha256', Buffer.from(input), key))}`
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://token')
      let scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' '))
      let user: string | undefined
      let ok = true
      if (req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
        scopes = (form.get('scope') ?? '').split(' ').filter(Boolean)
        const owner = options.refreshTokens?.[form.get('refresh_token') ?? '']
        ok = form.get('grant_type') === 'refresh_token' && owner !== undefined
        user = owner ? `refresh:${owner}` : undefined
      } else {
        const authorization = req.headers.authorization
        if (authorization?.startsWith('Basic ')) {
          const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8')
          const colon = decoded.indexOf(':')
          user = decoded.slice(0, colon)
          ok = options.users[user] === decoded.slice(colon + 1)
        }
      }
      requests.push({
        method: req.method ?? '',
        scopes,
        service: url.searchParams.get('service') ?? undefined,
        user,
        granted: ok && user !== undefined
      })
      if (!ok) {
        res.writeHead(401, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }))
        return
      }
      const token = mint(user ? scopes : [])
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          req.method === 'POST'
            ? { access_token: token, expires_in: 300 }
            : { token, expires_in: 300 }
        )
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certFile,
    dir,
    requests,
    mint,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rm(dir, { recursive: true, force: true })
    }
  }
}
