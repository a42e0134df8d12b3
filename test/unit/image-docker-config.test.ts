import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { UserError } from '../../src/core/errors.js'
import { chainCredentials, secretsOf, StaticCredentials } from '../../src/core/image/credentials.js'
import { DockerConfigCredentials } from '../../src/core/image/docker-config.js'

// Credentials as docker login leaves them: auths entries, credHelpers, credsStore, with real
// (shell script) credential helpers on a PATH of their own.

let root: string
let bin: string
const b64 = (text: string) => Buffer.from(text).toString('base64')

async function config(name: string, content: unknown): Promise<DockerConfigCredentials> {
  const dir = path.join(root, name)
  await mkdir(dir, { recursive: true })
  await writeFile(
    path.join(dir, 'config.json'),
    typeof content === 'string' ? content : JSON.stringify(content)
  )
  return new DockerConfigCredentials({ configDir: dir, env: { PATH: `${bin}:/usr/bin:/bin` } })
}

/** docker-credential-<name>: logs what it was asked to <root>/<name>.log, answers from a table. */
async function helper(name: string, answers: Record<string, string>): Promise<void> {
  const cases = Object.entries(answers)
    .map(([server, json]) => `  '${server}') echo '${json}' ;;`)
    .join('\n')
  await writeFile(
    path.join(bin, `docker-credential-${name}`),
    `#!/bin/sh\n[ "$1" = get ] || exit 2\nread server\necho "$server" >> '${root}/${name}.log'\n` +
      `case "$server" in\n${cases}\n  *) echo 'credentials not found in native keychain'; exit 1 ;;\nesac\n`
  )
  await chmod(path.join(bin, `docker-credential-${name}`), 0o755)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'slipway-docker-config-'))
  bin = path.join(root, 'bin')
  await mkdir(bin)
  await helper('gcloud', {
    'us-docker.pkg.dev':
      '{"ServerURL":"us-docker.pkg.dev","Username":"oauth2accesstoken","Secret":"ya29.token"}'
  })
  await helper('desktop', {
    'https://index.docker.io/v1/':
      '{"ServerURL":"https://index.docker.io/v1/","Username":"<token>","Secret":"identity-xyz"}',
    'ghcr.io': '{"ServerURL":"ghcr.io","Username":"octocat","Secret":"ghp_secret"}'
  })
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('DockerConfigCredentials', () => {
  test('auths: base64 user:password, keyed by host or URL', async () => {
    const store = await config('auths', {
      auths: {
        'ghcr.io': { auth: b64('octocat:ghp_abc:with:colons') },
        'https://registry.example.com/v2/': { auth: b64('me:pw') },
        'quay.io': { username: 'robot', password: 'robot-pw' },
        'empty.example': {}
      }
    })
    expect(await store.get('ghcr.io')).toEqual({
      username: 'octocat',
      password: 'ghp_abc:with:colons'
    })
    expect(await store.get('registry.example.com')).toEqual({ username: 'me', password: 'pw' })
    expect(await store.get('quay.io')).toEqual({ username: 'robot', password: 'robot-pw' })
    expect(await store.get('empty.example')).toBeUndefined()
    expect(await store.get('unknown.example')).toBeUndefined()
  })

  test('Docker Hub under any of its names', async () => {
    const store = await config('hub', {
      auths: { 'https://index.docker.io/v1/': { auth: b64('hubuser:hubpw') } }
    })
    for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
      expect(await store.get(name)).toEqual({ username: 'hubuser', password: 'hubpw' })
    }
  })

  test('identity and registry tokens', async () => {
    const store = await config('tokens', {
      auths: {
        'a.example': { identitytoken: 'refresh-me' },
        'b.example': { registrytoken: 'bearer-me' }
      }
    })
    expect(await store.get('a.example')).toEqual({ identityToken: 'refresh-me' })
    expect(await store.get('b.example')).toEqual({ registryToken: 'bearer-me' })
  })

  test('credHelpers for one registry, credsStore for the rest, auths as the last resort', async () => {
    const store = await config('helpers', {
      credHelpers: { 'us-docker.pkg.dev': 'gcloud' },
      credsStore: 'desktop',
      auths: { 'quay.io': { auth: b64('q:pw') }, 'ghcr.io': {} }
    })
    expect(await store.get('us-docker.pkg.dev')).toEqual({
      username: 'oauth2accesstoken',
      password: 'ya29.token'
    })
    expect(await store.get('ghcr.io')).toEqual({ username: 'octocat', password: 'ghp_secret' })
    // Docker Hub is asked for by its server address; "<token>" means an identity token
    expect(await store.get('docker.io')).toEqual({ identityToken: 'identity-xyz' })
    expect(await store.get('quay.io')).toEqual({ username: 'q', password: 'pw' })
    expect(await store.get('nowhere.example')).toBeUndefined()
  })

  test('a credsStore that is not installed is passed over; a named credHelper must exist', async () => {
    const copied = await config('missing-store', {
      credsStore: 'osxkeychain',
      auths: { 'ghcr.io': { auth: b64('o:pw') } }
    })
    expect(await copied.get('ghcr.io')).toEqual({ username: 'o', password: 'pw' })

    const named = await config('missing-helper', { credHelpers: { 'ghcr.io': 'nosuchhelper' } })
    await expect(named.get('ghcr.io')).rejects.toThrow(
      /docker-credential-nosuchhelper \(credential helper for ghcr.io in .*config.json\) is not installed/
    )
  })

  test('no config file is no credentials; a broken one is a UserError', async () => {
    const none = new DockerConfigCredentials({ configDir: path.join(root, 'does-not-exist') })
    expect(await none.get('ghcr.io')).toBeUndefined()
    const broken = await config('broken', '{ "auths": ')
    await expect(broken.get('ghcr.io')).rejects.toThrow(UserError)
    await expect(broken.get('ghcr.io')).rejects.toThrow(/config.json is not valid JSON/)
  })

  test('$DOCKER_CONFIG is where config.json is looked for', () => {
    const store = new DockerConfigCredentials({ env: { DOCKER_CONFIG: '/some/where' } })
    expect(store.file).toBe('/some/where/config.json')
  })
})

describe('credential stores', () => {
  test('explicit credentials win over docker config when chained first', async () => {
    const fromConfig = await config('chain', { auths: { 'ghcr.io': { auth: b64('config:pw') } } })
    const chained = chainCredentials(
      new StaticCredentials({ 'https://ghcr.io': { username: 'input', password: 'secret' } }),
      fromConfig
    )
    expect(await chained.get('ghcr.io')).toEqual({ username: 'input', password: 'secret' })
    expect(await chained.get('quay.io')).toBeUndefined()
  })

  test('static credentials for Docker Hub answer to all its names', async () => {
    const store = new StaticCredentials({ 'docker.io': { username: 'u', password: 'p' } })
    expect(await store.get('registry-1.docker.io')).toEqual({ username: 'u', password: 'p' })
  })

  test('the secrets to mask', () => {
    expect(secretsOf({ username: 'u', password: 'p' })).toEqual(['p', b64('u:p')])
    expect(secretsOf({ identityToken: 'i', registryToken: 'r' })).toEqual(['i', 'r'])
    expect(secretsOf({ username: 'u', password: '' })).toEqual([b64('u:')])
  })
})
