import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildImage, type BuildImageOutcome } from '../../src/core/build/build-image.js'
import type { BuildRequest } from '../../src/core/build/build-plan.js'
import { detectBuilder, type DockerCli } from '../../src/core/build/builder.js'
import { gitContextFromGitHub } from '../../src/core/build/git-context.js'
import { computeMetadata, type ImageMetadata } from '../../src/core/build/metadata.js'
import { DockerConfigCredentials } from '../../src/core/image/docker-config.js'
import { RegistryClient } from '../../src/core/image/registry.js'
import { UserError } from '../../src/core/errors.js'
import { runCommand } from '../../src/core/process.js'
import { digestOfReference, MANIFEST_TYPES } from '../support/registry.js'
import { dockerEnv, services } from '../support/services.js'
import { addBuildx } from '../support/tools.js'

// build-image's core against the real dockerd and the real registry of scripts/services.sh, with
// each builder a runner may have: the Debian docker client alone (docker build with BuildKit, then
// docker push), and the same client with the real buildx plugin (scripts/tools.sh builds it from
// its Go module), whose `docker` driver builds with the daemon's own BuildKit. The example app is
// built and pushed, its digest read back from the registry, its labels read from the image config
// there, and a second run for the same commit builds nothing.

const root = fileURLToPath(new URL('../..', import.meta.url))
const example = path.join(root, 'examples/hello')
const id = `${process.pid}-${Date.now().toString(36)}`

const workDirs: string[] = []

beforeAll(async () => {
  services() // fails every test at once, with the reason, when the services are not running
  const built = await runCommand('bash', [path.join(example, 'build.sh')])
  if (built.exitCode !== 0) throw new Error(`examples/hello/build.sh failed:\n${built.stderr}`)
}, 120_000)

afterAll(async () => {
  for (const dir of workDirs) await rm(dir, { recursive: true, force: true })
})

/** The git context of a push of `ref` at `sha`, as GitHub sends it. */
function pushOf(ref: string, sha: string) {
  const git = gitContextFromGitHub(
    {
      eventName: 'push',
      ref,
      sha,
      repository: 'acme/hello',
      serverUrl: 'https://github.com',
      payload: {
        ref,
        after: sha,
        head_commit: { timestamp: '2026-11-25T09:40:00Z' },
        repository: {
          full_name: 'acme/hello',
          html_url: 'https://github.com/acme/hello',
          default_branch: 'main',
          license: { spdx_id: 'MIT' }
        }
      }
    },
    { now: new Date() }
  )
  return { git }
}

/** The buildx release tools/buildx/go.mod pins, which scripts/tools.sh links into the binary. */
function buildxVersion(): string {
  const goMod = readFileSync(path.join(root, 'tools/buildx/go.mod'), 'utf8')
  return /^\s*github\.com\/docker\/buildx v(\S+)/m.exec(goMod)?.[1] ?? 'not pinned'
}

async function registryJson<T>(url: string): Promise<{ json: T; digest: string }> {
  const response = await fetch(url, { headers: { accept: MANIFEST_TYPES } })
  expect(response.status).toBe(200)
  const bytes = Buffer.from(await response.arrayBuffer())
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  return { json: JSON.parse(bytes.toString('utf8')) as T, digest }
}

describe.each([
  { builder: 'docker build', buildx: false, kind: 'docker' },
  { builder: 'docker buildx', buildx: true, kind: 'buildx' }
])('build-image with the real docker and registry, with $builder', ({ buildx, kind }) => {
  let dockerConfig: string
  let docker: DockerCli
  let registry: RegistryClient
  const localTags = new Set<string>()

  beforeAll(async () => {
    dockerConfig = await mkdtemp(path.join(tmpdir(), 'slipway-docker-config-'))
    workDirs.push(dockerConfig)
    if (buildx) addBuildx(dockerConfig)
    docker = { program: services().docker.bin, env: dockerEnv(dockerConfig), cwd: root }
    registry = new RegistryClient({
      credentials: new DockerConfigCredentials({ configDir: dockerConfig })
    })
  })

  afterAll(async () => {
    for (const tag of localTags)
      await runCommand(docker.program, ['image', 'rm', '--force', tag], docker)
  }, 120_000)

  async function build(
    metadata: ImageMetadata,
    options: { push?: boolean; log?: (line: string) => void; build?: Partial<BuildRequest> } = {}
  ): Promise<BuildImageOutcome> {
    const workDir = await mkdtemp(path.join(tmpdir(), 'slipway-build-'))
    workDirs.push(workDir)
    for (const ref of metadata.refs) localTags.add(ref)
    return buildImage({
      metadata,
      build: {
        context: example,
        platforms: [],
        buildArgs: {},
        push: options.push ?? true,
        cache: 'none',
        sbom: false,
        provenance: false,
        network: 'host',
        ...options.build
      },
      skipExisting: true,
      docker,
      registry,
      workDir,
      log: options.log ?? (() => {})
    })
  }

  test('detects the builder', async () => {
    expect(await detectBuilder(docker)).toEqual(
      buildx
        ? { kind: 'buildx', version: buildxVersion(), driver: 'docker' }
        : { kind: 'docker', version: expect.any(String) }
    )
  })

  const sha = randomBytes(20).toString('hex')
  const image = () => `${services().registry}/slipway-test/build-${kind}-${id}`
  let first: BuildImageOutcome
  let metadata: ImageMetadata

  test('builds the example, pushes every tag, and reads the digest back from the registry', async () => {
    metadata = computeMetadata({ image: image(), ...pushOf('refs/heads/main', sha) })
    expect(metadata.tags).toEqual([`sha-${sha.slice(0, 7)}`, 'main'])
    const log: string[] = []
    first = await build(metadata, { log: (line) => log.push(line) })

    expect(first).toMatchObject({ skipped: false, pushed: true, retagged: [], image: image() })
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(first.imageRef).toBe(`${image()}@${first.digest}`)
    expect(first.tags).toEqual(metadata.refs)
    expect(log.join('\n')).toContain('COPY build/hello /hello')
    expect(first.cache?.steps).toBe(1)
    for (const reference of metadata.refs)
      expect(await digestOfReference(reference)).toBe(first.digest)
    const builder = await detectBuilder(docker)
    expect(first.builder).toEqual(builder)
  }, 120_000)

  test('the labels are in the image config in the registry, and the size is the layers', async () => {
    expect(first).toBeDefined() // built by the test above
    const base = `http://${services().registry}/v2/slipway-test/build-${kind}-${id}`
    const manifest = await registryJson<{
      config: { digest: string }
      layers: { size: number }[]
    }>(`${base}/manifests/${first.digest}`)
    expect(manifest.digest).toBe(first.digest)
    const config = await registryJson<{ config: { Labels: Record<string, string> } }>(
      `${base}/blobs/${manifest.json.config.digest}`
    )
    expect(config.digest).toBe(manifest.json.config.digest)
    expect(config.json.config.Labels).toEqual(expect.objectContaining(metadata.labels))
    expect(config.json.config.Labels).toMatchObject({
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.created': '2026-11-25T09:40:00Z',
      'org.opencontainers.image.version': 'main',
      'org.opencontainers.image.licenses': 'MIT'
    })
    expect(first.size).toBe(manifest.json.layers.reduce((sum, layer) => sum + layer.size, 0))
    expect(first.size).toBeGreaterThan(100_000) // the static binary
  }, 120_000)

  test('a second run for the same commit skips the build and outputs the same digest', async () => {
    expect(first).toBeDefined()
    const log: string[] = []
    const again = await build(metadata, { log: (line) => log.push(line) })
    expect(again).toMatchObject({
      skipped: true,
      pushed: false,
      retagged: [],
      digest: first.digest,
      imageRef: first.imageRef,
      size: first.size
    })
    expect(log).toEqual([]) // docker build never ran
    expect(again.cache).toBeUndefined()
  }, 120_000)

  test('a release tag on a commit built before gets its tags without a rebuild', async () => {
    expect(first).toBeDefined()
    const release = computeMetadata({ image: image(), ...pushOf('refs/tags/v1.2.3', sha) })
    const log: string[] = []
    const outcome = await build(release, { log: (line) => log.push(line) })
    expect(outcome).toMatchObject({ skipped: true, digest: first.digest })
    expect(outcome.retagged).toEqual(['1.2.3', '1.2', '1', 'latest'].map((t) => `${image()}:${t}`))
    expect(log).toEqual([])
    for (const reference of release.refs)
      expect(await digestOfReference(reference)).toBe(first.digest)
  }, 120_000)

  test('push: false builds into the local docker only', async () => {
    const local = computeMetadata({
      image: `${services().registry}/slipway-test/local-${kind}-${id}`,
      ...pushOf('refs/heads/main', randomBytes(20).toString('hex'))
    })
    const outcome = await build(local, { push: false })
    expect(outcome).toMatchObject({ skipped: false, pushed: false })
    expect(outcome.digest).toBeUndefined()
    expect(outcome.imageRef).toBeUndefined()
    expect(outcome.imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await digestOfReference(local.refs[0])).toBeUndefined()
    const inspect = await runCommand(
      docker.program,
      ['image', 'inspect', '--format', '{{json .Config.Labels}}', local.refs[0]],
      docker
    )
    expect(JSON.parse(inspect.stdout)).toEqual(expect.objectContaining(local.labels))
  }, 120_000)

  test('a failing RUN step (scratch has no shell) fails the build in one line that says why', async () => {
    const context = await mkdtemp(path.join(tmpdir(), 'slipway-context-'))
    workDirs.push(context)
    await writeFile(path.join(context, 'Dockerfile'), 'FROM scratch\nRUN make\n')
    const failing = computeMetadata({
      image: `${services().registry}/slipway-test/failing-${kind}-${id}`,
      ...pushOf('refs/heads/main', randomBytes(20).toString('hex'))
    })
    const attempt = build(failing, { build: { context } })
    const error = await attempt.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    const command = `${docker.program} ${buildx ? 'buildx build' : 'build'}`
    expect((error as Error).message).toMatch(new RegExp(`^${command} failed \\(exit code 1\\): `))
    expect((error as Error).message).toContain('executor failed running [/bin/sh -c make]')
    expect(await digestOfReference(failing.refs[0])).toBeUndefined()
  }, 120_000)
})

// What buildx's docker driver cannot do on this daemon (no containerd image store): a user
// asking for it gets buildx's own reason in one line, and nothing is pushed.
describe('build-image with docker buildx, docker driver, for what that driver refuses', () => {
  let docker: DockerCli
  let registry: RegistryClient

  beforeAll(async () => {
    const dockerConfig = await mkdtemp(path.join(tmpdir(), 'slipway-docker-config-'))
    workDirs.push(dockerConfig)
    addBuildx(dockerConfig)
    docker = { program: services().docker.bin, env: dockerEnv(dockerConfig), cwd: root }
    registry = new RegistryClient({
      credentials: new DockerConfigCredentials({ configDir: dockerConfig })
    })
  })

  test.each([
    ['sbom: true', { sbom: true }, /Attestation is not supported for the docker driver/],
    [
      'provenance: true',
      { provenance: true },
      /Attestation is not supported for the docker driver/
    ],
    [
      'two platforms',
      { platforms: ['linux/amd64', 'linux/386'] },
      /Multi-platform build is not supported for the docker driver/
    ]
  ])(
    '%s',
    async (_, options: Partial<BuildRequest>, reason) => {
      const workDir = await mkdtemp(path.join(tmpdir(), 'slipway-build-'))
      workDirs.push(workDir)
      const metadata = computeMetadata({
        image: `${services().registry}/slipway-test/refused-${id}`,
        ...pushOf('refs/heads/main', randomBytes(20).toString('hex'))
      })
      const attempt = buildImage({
        metadata,
        build: {
          context: example,
          platforms: [],
          buildArgs: {},
          push: true,
          cache: 'none',
          sbom: false,
          provenance: false,
          network: 'host',
          ...options
        },
        skipExisting: true,
        docker,
        registry,
        workDir,
        log: () => {}
      })
      await expect(attempt).rejects.toThrow(
        new RegExp(`^${docker.program} buildx build failed \\(exit code 1\\): .*${reason.source}`)
      )
      expect(await digestOfReference(metadata.refs[0])).toBeUndefined()
    },
    120_000
  )
})
