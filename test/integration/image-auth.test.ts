import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { UserError } from '../../src/core/errors.js'
import { copyImage } from '../../src/core/image/copy.js'
import { anonymous, StaticCredentials } from '../../src/core/image/credentials.js'
import { DockerConfigCredentials } from '../../src/core/image/docker-config.js'
import { parseReference } from '../../src/core/image/reference.js'
import { RegistryClient, type RegistryClientOptions } from '../../src/core/image/registry.js'
import { htpasswdLine, startTokenServer, type TokenServer } from '../support/registry-auth.js'
import {
  expectImageIn,
  pushRandomImage,
  resolveDigest,
  startRegistry,
  uniqueRepository,
  type TestRegistry
} from '../support/registry.js'
import { services } from '../support/services.js'

// Registries that want credentials: htpasswd basic auth, and token auth with a realm served
// here (the flow of Docker Hub, GHCR and Artifact Registry). Credentials come from explicit
// input, from a docker config.json, and from a credential helper.

let source: string
let basic: TestRegistry
let tokenRegistry: TestRegistry
let tokens: TokenServer
let home: string
const basicAuth = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`

beforeAll(async () => {
  source = services().registry
  basic = await startRegistry({ htpasswd: await htpasswdLine('alice', 'wonderland') })
  tokens = await startTokenServer({
    users: { bob: 'builder' },
    refreshTokens: { 'refresh-for-bob': 'bob' }
  })
  tokenRegistry = await startRegistry({ token: tokens })
  home = await mkdtemp(path.join(tmpdir(), 'slipway-docker-home-'))
}, 60_000)

afterAll(async () => {
  await basic?.stop()
  await tokenRegistry?.stop()
  await tokens?.stop()
  if (home) await rm(home, { recursive: true, force: true })
})

const client = (options: RegistryClientOptions) =>
  new RegistryClient({ retry: { baseDelayMs: 10, maxAttempts: 2 }, ...options })

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(UserError)
  expect((error as Error).message).not.toContain('\n')
  return error as Error
}

describe('basic auth (htpasswd)', () => {
  test('copies with explicit credentials, reporting every secret before use', async () => {
    const repository = uniqueRepository('auth/basic')
    const image = await pushRandomImage(source, repository, 'v1')
    const secrets: string[] = []
    const result = await copyImage(
      parseReference(`${source}/${repository}:v1`),
      parseReference(`${basic.host}/${repository}:v1`),
      client({
        credentials: new StaticCredentials({
          [basic.host]: { username: 'alice', password: 'wonderland' }
        }),
        onSecret: (s) => secrets.push(s)
      })
    )
    expect(result.digest).toBe(image.digest)
    const headers = { authorization: basicAuth }
    expect(await resolveDigest(basic.host, repository, 'v1', headers)).toBe(image.digest)
    await expectImageIn(basic.host, repository, image, headers)
    expect(secrets).toContain('wonderland')
    expect(secrets).toContain(Buffer.from('alice:wonderland').toString('base64'))
  })

  test('copies out of it with credentials from a docker config.json', async () => {
    const repository = uniqueRepository('auth/basic-config')
    const image = await pushRandomImage(basic.host, repository, 'v1', {
      headers: { authorization: basicAuth }
    })
    const configDir = path.join(home, 'basic-config')
    await mkdir(configDir)
    const auth = Buffer.from('alice:wonderland').toString('base64')
    await writeFile(
      path.join(configDir, 'config.json'),
      JSON.stringify({ auths: { [`http://${basic.host}/v2/`]: { auth } } })
    )
    const result = await copyImage(
      parseReference(`${basic.host}/${repository}:v1`),
      parseReference(`${source}/${repository}:from-basic`),
      client({ credentials: new DockerConfigCredentials({ configDir }) })
    )
    expect(result.digest).toBe(image.digest)
    expect(await resolveDigest(source, repository, 'from-basic')).toBe(image.digest)
  })

  test('a wrong password is one line naming the registry', async () => {
    const error = await failure(
      copyImage(
        parseReference(`${basic.host}/nothing/here:v1`),
        parseReference(`${source}/nothing/here:v1`),
        client({
          credentials: new StaticCredentials({
            [basic.host]: { username: 'alice', password: 'nope' }
          })
        })
      )
    )
    expect(error.message).toBe(
      `authentication failed for ${basic.host}: the registry refused the credentials`
    )
  })

  test('no credentials is one line naming the registry', async () => {
    const error = await failure(
      copyImage(
        parseReference(`${basic.host}/nothing/here:v1`),
        parseReference(`${source}/nothing/here:v1`),
        client({ credentials: anonymous })
      )
    )
    expect(error.message).toMatch(
      new RegExp(`^authentication required for ${basic.host}: no credentials found`)
    )
  })
})

describe('token auth (WWW-Authenticate: Bearer)', () => {
  const bob = () =>
    new StaticCredentials({ [tokenRegistry?.host]: { username: 'bob', password: 'builder' } })

  test('gets a token for the scopes a copy needs, and mounts within the registry', async () => {
    const repository = uniqueRepository('auth/token')
    const image = await pushRandomImage(source, repository, 'v1', { layers: [100_000] })
    const secrets: string[] = []
    const registryClient = client({ credentials: bob(), onSecret: (s) => secrets.push(s) })
    const before = tokens.requests.length

    const pushed = await copyImage(
      parseReference(`${source}/${repository}:v1`),
      parseReference(`${tokenRegistry.host}/${repository}:v1`),
      registryClient
    )
    expect(pushed).toMatchObject({ digest: image.digest, blobsCopied: 2 })
    // One token for everything the copy does in DST, reads included.
    expect(tokens.requests.slice(before).map((r) => r.scopes)).toEqual([
      [`repository:${repository}:pull,push`]
    ])

    const promoted = await copyImage(
      parseReference(`${tokenRegistry.host}/${repository}:v1`),
      parseReference(`${tokenRegistry.host}/${repository}-prod:v1`),
      registryClient
    )
    expect(promoted).toMatchObject({ digest: image.digest, blobsMounted: 2, blobsCopied: 0 })

    const asked = tokens.requests.slice(before)
    expect(asked.every((r) => r.user === 'bob' && r.service === tokens.service)).toBe(true)
    expect(asked.map((r) => r.scopes.join(' '))).toEqual(
      expect.arrayContaining([
        `repository:${repository}:pull,push`,
        `repository:${repository}-prod:pull,push repository:${repository}:pull`
      ])
    )
    const token = tokens.mint([`repository:${repository}-prod:pull`])
    const headers = { authorization: `Bearer ${token}` }
    await expectImageIn(tokenRegistry.host, `${repository}-prod`, image, headers)
    expect(secrets).toContain('builder')
    expect(secrets.filter((s) => s.split('.').length === 3).length).toBeGreaterThan(0) // JWTs
  })

  test('an identity token from a credential helper (OAuth2 refresh-token grant)', async () => {
    const repository = uniqueRepository('auth/helper')
    const image = await pushRandomImage(source, repository, 'v1')
    const bin = path.join(home, 'bin')
    await mkdir(bin, { recursive: true })
    const helper = path.join(bin, 'docker-credential-slipwaytest')
    await writeFile(
      helper,
      '#!/bin/sh\nread server\n' +
        `if [ "$server" = "${tokenRegistry.host}" ]; then\n` +
        '  echo \'{"ServerURL":"\'$server\'","Username":"<token>","Secret":"refresh-for-bob"}\'\n' +
        'else echo "credentials not found in native keychain"; exit 1; fi\n'
    )
    await chmod(helper, 0o755)
    const configDir = path.join(home, 'helper-config')
    await mkdir(configDir)
    await writeFile(
      path.join(configDir, 'config.json'),
      JSON.stringify({ credHelpers: { [tokenRegistry.host]: 'slipwaytest' } })
    )
    const before = tokens.requests.length
    const result = await copyImage(
      parseReference(`${source}/${repository}:v1`),
      parseReference(`${tokenRegistry.host}/${repository}:v1`),
      client({
        credentials: new DockerConfigCredentials({
          configDir,
          env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }
        })
      })
    )
    expect(result.digest).toBe(image.digest)
    const asked = tokens.requests.slice(before)
    expect(asked.length).toBeGreaterThan(0)
    expect(asked.every((r) => r.method === 'POST' && r.user === 'refresh:bob')).toBe(true)
  })

  test('anonymous access is refused in one line', async () => {
    const error = await failure(
      copyImage(
        parseReference(`${tokenRegistry.host}/private/app:v1`),
        parseReference(`${source}/private/app:v1`),
        client({ credentials: anonymous })
      )
    )
    expect(error.message).toMatch(new RegExp(`^authentication required for ${tokenRegistry.host}`))
  })

  test('a wrong password is refused by the token service, in one line', async () => {
    const error = await failure(
      copyImage(
        parseReference(`${tokenRegistry.host}/private/app:v1`),
        parseReference(`${source}/private/app:v1`),
        client({
          credentials: new StaticCredentials({
            [tokenRegistry.host]: { username: 'bob', password: 'x' }
          })
        })
      )
    )
    expect(error.message).toMatch(
      new RegExp(
        `^authentication failed for ${tokenRegistry.host}: the token service refused the credentials \\(401`
      )
    )
  })

  test('a missing image behind auth is still "manifest unknown"', async () => {
    const error = await failure(
      copyImage(
        parseReference(`${tokenRegistry.host}/private/app:v1`),
        parseReference(`${source}/private/app:v1`),
        client({ credentials: bob() })
      )
    )
    expect(error.message).toBe(`manifest unknown: ${tokenRegistry.host}/private/app:v1`)
  })
})
