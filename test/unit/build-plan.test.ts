import { describe, expect, it } from '@jest/globals'
import { planBuild, type BuildRequest } from '../../src/core/build/build-plan.js'
import { UserError } from '../../src/core/errors.js'

// The command lines of both builders, from one request.

const request: BuildRequest = {
  context: '/work/app',
  dockerfile: '/work/app/docker/Dockerfile',
  platforms: [],
  buildArgs: { GO_VERSION: '1.23', FLAGS: 'a=b,c' },
  labels: {
    'org.opencontainers.image.revision': '4f2a9c7e1b3d5f8a0c6e2b4d7f9a1c3e5b8d0f2a',
    'org.opencontainers.image.title': 'hello world'
  },
  tags: ['ghcr.io/acme/hello:sha-4f2a9c7', 'ghcr.io/acme/hello:main'],
  push: true,
  cache: 'gha',
  cacheRef: 'ghcr.io/acme/hello:buildcache',
  cacheScope: 'acme/hello',
  sbom: false,
  provenance: false,
  workDir: '/tmp/b'
}

const common = [
  '--progress',
  'plain',
  '--file',
  '/work/app/docker/Dockerfile',
  '--build-arg',
  'GO_VERSION=1.23',
  '--build-arg',
  'FLAGS=a=b,c',
  '--label',
  'org.opencontainers.image.revision=4f2a9c7e1b3d5f8a0c6e2b4d7f9a1c3e5b8d0f2a',
  '--label',
  'org.opencontainers.image.title=hello world',
  '--tag',
  'ghcr.io/acme/hello:sha-4f2a9c7',
  '--tag',
  'ghcr.io/acme/hello:main'
]

const buildx = { kind: 'buildx', version: '0.17.1', driver: 'docker-container' } as const
const docker = { kind: 'docker', version: '20.10.24' } as const

describe('docker buildx build', () => {
  it('builds for several platforms with the GitHub cache, pushes, and writes a metadata file', () => {
    const plan = planBuild(
      { ...request, platforms: ['linux/amd64', 'linux/arm64'], target: 'runtime', network: 'host' },
      buildx
    )
    expect(plan.build).toEqual({
      args: [
        'buildx',
        'build',
        ...common.slice(0, 4),
        '--target',
        'runtime',
        ...common.slice(4),
        '--network',
        'host',
        '--platform',
        'linux/amd64,linux/arm64',
        '--cache-from',
        'type=gha,scope=acme/hello',
        '--cache-to',
        'type=gha,mode=max,scope=acme/hello',
        '--provenance',
        'false',
        '--iidfile',
        '/tmp/b/iid',
        '--metadata-file',
        '/tmp/b/metadata.json',
        '--push',
        '/work/app'
      ],
      env: {}
    })
    expect(plan).toMatchObject({
      builder: 'buildx',
      pushes: [],
      iidFile: '/tmp/b/iid',
      metadataFile: '/tmp/b/metadata.json',
      notes: []
    })
  })

  it('uses a registry cache, SBOM and provenance when asked', () => {
    const { args } = planBuild(
      { ...request, cache: 'registry', sbom: true, provenance: true },
      buildx
    ).build
    expect(args.slice(common.length + 2)).toEqual([
      '--cache-from',
      'type=registry,ref=ghcr.io/acme/hello:buildcache',
      '--cache-to',
      'type=registry,ref=ghcr.io/acme/hello:buildcache,mode=max',
      '--provenance',
      'mode=max',
      '--sbom',
      'true',
      '--iidfile',
      '/tmp/b/iid',
      '--metadata-file',
      '/tmp/b/metadata.json',
      '--push',
      '/work/app'
    ])
  })

  it('loads a single-platform image into docker when not pushing', () => {
    const { args } = planBuild({ ...request, push: false, cache: 'none' }, buildx).build
    expect(args.slice(-2)).toEqual(['--load', '/work/app'])
    expect(args).not.toContain('--push')
    expect(args).not.toContain('--cache-from')
  })

  it('keeps only the cache of a multi-platform build that is not pushed, and says so', () => {
    const plan = planBuild(
      { ...request, push: false, platforms: ['linux/amd64', 'linux/arm64'] },
      buildx
    )
    expect(plan.build.args).not.toContain('--load')
    expect(plan.build.args).not.toContain('--push')
    expect(plan.notes).toEqual([
      'push: false with several platforms: docker cannot load a multi-platform image, so only the build cache is kept'
    ])
  })

  it('does not ask the docker driver for a cache it cannot export', () => {
    const plan = planBuild(request, { kind: 'buildx', driver: 'docker' })
    expect(plan.build.args).not.toContain('--cache-to')
    expect(plan.notes).toEqual([
      'cache: gha is not used: the buildx builder has the docker driver, which cannot export a build cache; docker/setup-buildx-action creates a builder that can'
    ])
  })

  it('needs a cache image for the registry cache', () => {
    expect(() => planBuild({ ...request, cache: 'registry', cacheRef: undefined }, buildx)).toThrow(
      'cache: registry needs a cache image reference'
    )
  })
})

describe('docker build (BuildKit, no buildx)', () => {
  it('builds with DOCKER_BUILDKIT=1, then pushes each tag', () => {
    const plan = planBuild({ ...request, platforms: ['linux/arm64'], cache: 'none' }, docker)
    expect(plan).toEqual({
      builder: 'docker',
      build: {
        args: [
          'build',
          ...common,
          '--platform',
          'linux/arm64',
          '--iidfile',
          '/tmp/b/iid',
          '/work/app'
        ],
        env: { DOCKER_BUILDKIT: '1' }
      },
      pushes: [
        { args: ['push', 'ghcr.io/acme/hello:sha-4f2a9c7'], env: {} },
        { args: ['push', 'ghcr.io/acme/hello:main'], env: {} }
      ],
      iidFile: '/tmp/b/iid',
      notes: []
    })
  })

  it('pushes nothing when push is false', () => {
    expect(planBuild({ ...request, push: false }, docker).pushes).toEqual([])
  })

  it('says the cache is not used', () => {
    expect(planBuild(request, docker).notes).toEqual([
      'cache: gha is not used: it needs docker buildx, and this docker has none (`docker buildx version` failed); building with the local cache only'
    ])
  })

  it.each([
    [
      { platforms: ['linux/amd64', 'linux/arm64'] },
      'platforms linux/amd64, linux/arm64: building for more than one platform needs docker buildx, and this docker has none (`docker buildx version` failed); install it, for example with docker/setup-buildx-action, or build one platform'
    ],
    [{ sbom: true }, 'sbom: true needs docker buildx'],
    [{ provenance: true }, 'provenance: true needs docker buildx']
  ])('refuses what needs buildx: %j', (change, message) => {
    const attempt = () => planBuild({ ...request, ...change }, docker)
    expect(attempt).toThrow(UserError)
    expect(attempt).toThrow(message)
  })
})

it('refuses a build without tags', () => {
  expect(() => planBuild({ ...request, tags: [] }, buildx)).toThrow('nothing to tag the image with')
})
