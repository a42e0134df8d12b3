import { describe, expect, test } from '@jest/globals'
import { Readable } from 'node:stream'
import { Authenticator, pullScope, pushScope } from '../../src/core/image/auth.js'
import { anonymous, StaticCredentials } from '../../src/core/image/credentials.js'
import { isLoopbackHost, type HttpRequest, type HttpResponse } from '../../src/core/image/http.js'
import { RegistryError } from '../../src/core/image/registry-error.js'

// The token flow without a network: a fake realm that records what it is asked.

function answer(status: number, body: unknown): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return {
    status,
    headers: {},
    url: new URL('https://auth.example/token'),
    body: Readable.from([Buffer.from(text)]) as unknown as HttpResponse['body'],
    header: () => undefined,
    bytes: async () => Buffer.from(text),
    text: async () => text,
    discard: () => {}
  }
}

function realm(
  respond: (request: HttpRequest) => HttpResponse = () =>
    answer(200, { token: 'tok', expires_in: 300 })
) {
  const requests: HttpRequest[] = []
  return {
    requests,
    send: async (request: HttpRequest) => {
      requests.push(request)
      return respond(request)
    }
  }
}

const challenge =
  'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:acme/app:pull"'

describe('Authenticator', () => {
  test('nothing is sent before the registry asks', async () => {
    const fake = realm()
    const auth = new Authenticator({
      credentials: anonymous,
      send: fake.send,
      mayUsePlainHttp: () => false
    })
    expect(await auth.header('registry.example', [pullScope('acme/app')])).toBeUndefined()
    expect(fake.requests).toEqual([])
  })

  test('a Bearer challenge: a token for the scopes, with basic credentials, cached', async () => {
    const fake = realm()
    const secrets: string[] = []
    const auth = new Authenticator({
      credentials: new StaticCredentials({ 'registry.example': { username: 'u', password: 'p' } }),
      onSecret: (s) => secrets.push(s),
      send: fake.send,
      mayUsePlainHttp: () => false
    })
    await auth.challenge('registry.example', [pullScope('acme/app')], challenge)
    expect(await auth.header('registry.example', [pullScope('acme/app')])).toBe('Bearer tok')
    expect(await auth.header('registry.example', [pullScope('acme/app')])).toBe('Bearer tok')
    expect(fake.requests).toHaveLength(1)
    const url = fake.requests[0].url
    expect(url.origin + url.pathname).toBe('https://auth.example/token')
    expect(url.searchParams.get('service')).toBe('registry.example')
    expect(url.searchParams.getAll('scope')).toEqual(['repository:acme/app:pull'])
    expect(fake.requests[0].headers?.authorization).toBe(
      `Basic ${Buffer.from('u:p').toString('base64')}`
    )
    expect(secrets).toEqual(['p', Buffer.from('u:p').toString('base64'), 'tok'])

    // Other scopes: another token, without another 401 first.
    await auth.header('registry.example', [pushScope('acme/app'), pullScope('acme/base')])
    expect(fake.requests[1].url.searchParams.getAll('scope')).toEqual([
      'repository:acme/app:pull,push',
      'repository:acme/base:pull'
    ])
  })

  test('an expired token is renewed', async () => {
    let clock = 0
    let issued = 0
    const fake = realm(() => answer(200, { access_token: `t${++issued}`, expires_in: 60 }))
    const auth = new Authenticator({
      credentials: anonymous,
      send: fake.send,
      mayUsePlainHttp: () => false,
      now: () => clock
    })
    await auth.challenge('r.example', ['s'], challenge)
    expect(await auth.header('r.example', ['s'])).toBe('Bearer t1')
    clock = 30_000
    expect(await auth.header('r.example', ['s'])).toBe('Bearer t1')
    clock = 50_000 // within the margin before expiry
    expect(await auth.header('r.example', ['s'])).toBe('Bearer t2')
  })

  test('an identity token is an OAuth2 refresh-token grant (POST)', async () => {
    const fake = realm(() => answer(200, { access_token: 'from-refresh' }))
    const auth = new Authenticator({
      credentials: new StaticCredentials({ 'r.example': { identityToken: 'refresh-123' } }),
      send: fake.send,
      mayUsePlainHttp: () => false
    })
    // the challenge's own scope is asked for too
    await auth.challenge('r.example', [pushScope('a/b')], challenge)
    expect(await auth.header('r.example', [pushScope('a/b')])).toBe('Bearer from-refresh')
    const request = fake.requests[0]
    expect(request.method).toBe('POST')
    const form = new URLSearchParams((request.body as Buffer).toString())
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-123',
      client_id: 'slipway',
      service: 'registry.example',
      scope: 'repository:a/b:pull,push repository:acme/app:pull'
    })
  })

  test('credentials never go to a plain-HTTP realm unless it is loopback or insecure', async () => {
    const fake = realm()
    const auth = new Authenticator({
      credentials: new StaticCredentials({ 'r.example': { username: 'u', password: 'p' } }),
      send: fake.send,
      mayUsePlainHttp: (url) => url.hostname === '127.0.0.1'
    })
    await auth.challenge('r.example', ['s'], 'Bearer realm="http://auth.example/token"')
    await expect(auth.header('r.example', ['s'])).rejects.toThrow(
      'refusing to send credentials for r.example to the plain-HTTP token realm http://auth.example'
    )
    expect(fake.requests).toEqual([])
  })

  test('Basic: the user and password from then on; none is a one-line error', async () => {
    const withCredentials = new Authenticator({
      credentials: new StaticCredentials({
        'ecr.example': { username: 'AWS', password: 'ecr-token' }
      }),
      send: realm().send,
      mayUsePlainHttp: () => false
    })
    await withCredentials.challenge('ecr.example', ['s'], 'Basic realm="https://ecr.example/"')
    expect(await withCredentials.header('ecr.example', ['other'])).toBe(
      `Basic ${Buffer.from('AWS:ecr-token').toString('base64')}`
    )
    const without = new Authenticator({
      credentials: anonymous,
      send: realm().send,
      mayUsePlainHttp: () => false
    })
    await expect(without.challenge('ecr.example', ['s'], 'Basic realm="x"')).rejects.toThrow(
      /^authentication required for ecr.example: no credentials found/
    )
  })

  test('the token service refusing is one line naming the registry', async () => {
    const auth = new Authenticator({
      credentials: new StaticCredentials({ 'ghcr.io': { username: 'u', password: 'wrong' } }),
      send: realm(() => answer(401, { errors: [{ code: 'UNAUTHORIZED', message: 'bad' }] })).send,
      mayUsePlainHttp: () => false
    })
    await auth.challenge('ghcr.io', ['s'], challenge)
    const error = await auth.header('ghcr.io', ['s']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as Error).message).toBe(
      'authentication failed for ghcr.io: the token service refused the credentials (401 UNAUTHORIZED: bad)'
    )
  })

  test('an unknown challenge scheme', async () => {
    const auth = new Authenticator({
      credentials: anonymous,
      send: realm().send,
      mayUsePlainHttp: () => false
    })
    await expect(auth.challenge('r.example', ['s'], 'Negotiate')).rejects.toThrow(
      'its challenge is not one slipway knows (negotiate)'
    )
  })
})

test('loopback hosts: the registries that may speak plain HTTP without being marked insecure', () => {
  for (const host of [
    '127.0.0.1:5000',
    '127.1.2.3',
    'localhost',
    'localhost:5000',
    '[::1]:5000',
    '::1'
  ]) {
    expect(isLoopbackHost(host)).toBe(true)
  }
  for (const host of [
    '10.0.0.1:5000',
    'ghcr.io',
    '128.0.0.1',
    '[::2]:5000',
    'localhost.example.com'
  ]) {
    expect(isLoopbackHost(host)).toBe(false)
  }
})
