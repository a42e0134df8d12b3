import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import {
  pushRandomImage,
  pushRandomIndex,
  resolveDigest,
  startRegistry,
  uniqueRepository,
  type TestRegistry
} from '../support/registry.js'
import { services } from '../support/services.js'

// `slipway image copy` through the CLI's main(), against real registries.

let dir: string
let registry: string
let second: TestRegistry
const previousDockerConfig = process.env.DOCKER_CONFIG

function slipway(...argv: string[]) {
  return runCli(argv, dir)
}

beforeAll(async () => {
  registry = services().registry
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-image-cli-'))
  process.env.DOCKER_CONFIG = dir // no credentials from this machine's docker login
  second = await startRegistry()
}, 60_000)

afterAll(async () => {
  if (previousDockerConfig === undefined) delete process.env.DOCKER_CONFIG
  else process.env.DOCKER_CONFIG = previousDockerConfig
  await second?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('slipway image copy', () => {
  test('prints the digest', async () => {
    const repository = uniqueRepository('cli/copy')
    const image = await pushRandomImage(registry, repository, 'v1')
    const result = await slipway(
      'image',
      'copy',
      `${registry}/${repository}:v1`,
      `${second.host}/${repository}:v1`
    )
    expect(result).toEqual({ code: 0, out: `${image.digest}\n`, err: '' })
    expect(await resolveDigest(second.host, repository, 'v1')).toBe(image.digest)
  })

  test('--format json tells what moved', async () => {
    const repository = uniqueRepository('cli/json')
    const index = await pushRandomIndex(registry, repository, 'multi', { layers: [10_000] })
    const result = await slipway(
      'image',
      'copy',
      `${registry}/${repository}:multi`,
      `${registry}/${repository}-prod:multi`,
      '--format',
      'json',
      '--insecure',
      'registry.internal:5000'
    )
    expect(result.code).toBe(0)
    expect(result.err).toBe('')
    expect(JSON.parse(result.out)).toEqual({
      digest: index.digest,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      source: `${registry}/${repository}:multi`,
      destination: `${registry}/${repository}-prod:multi`,
      blobs: { copied: 0, mounted: 4, skipped: 0, bytes: 0 },
      manifests: 3
    })
  })

  test('a bad reference: exit 1, one line with the reason', async () => {
    const result = await slipway(
      'image',
      'copy',
      'Registry.example/Bad/Name:v1',
      `${registry}/x:v1`
    )
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err).toBe(
      'invalid image reference "Registry.example/Bad/Name:v1": repository name "Bad/Name" must be lowercase\n'
    )
  })

  test('a missing image: exit 1, manifest unknown', async () => {
    const repository = uniqueRepository('cli/missing')
    const result = await slipway(
      'image',
      'copy',
      `${registry}/${repository}:gone`,
      `${second.host}/${repository}:gone`
    )
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `manifest unknown: ${registry}/${repository}:gone\n`
    })
  })

  test('usage errors exit 2', async () => {
    expect(await slipway('image', 'copy', `${registry}/only:one`)).toMatchObject({
      code: 2,
      err: 'slipway image copy: expected SRC and DST (see slipway help image)\n'
    })
    expect((await slipway('image', 'copy', 'a', 'b', '--format', 'xml')).code).toBe(2)
    expect((await slipway('image', 'copy', 'a', 'b', '--concurrency', '0')).code).toBe(2)
    expect((await slipway('image', 'copy', 'a', 'b', '--frob')).code).toBe(2)
    expect((await slipway('image', 'frob')).code).toBe(2)
    const bare = await slipway('image')
    expect(bare.code).toBe(2)
    expect(bare.out).toContain('Usage: slipway image copy SRC DST')
  })

  test('help', async () => {
    expect((await slipway('help', 'image')).out).toContain('Usage: slipway image copy SRC DST')
    expect((await slipway('image', 'copy', '--help')).out).toContain('--insecure HOST')
    expect((await slipway('--help')).out).toContain('image      copy an image by digest')
  })
})
