import path from 'node:path'
import { UserError } from '../errors.js'

// One function turns what the user asked for into the docker command lines that build it, for
// both builders: `docker buildx build` when buildx is there, and `docker build` with BuildKit
// (DOCKER_BUILDKIT=1) followed by one `docker push` per tag when it is not. Everything the
// fallback cannot do (several platforms, SBOM, provenance) is refused here, before anything runs.

export type Builder =
  | {
      kind: 'buildx'
      version?: string
      /** docker, docker-container, kubernetes, remote */ driver?: string
    }
  | { kind: 'docker'; version?: string }

export const CACHE_BACKENDS = ['gha', 'registry', 'none'] as const
export type CacheBackend = (typeof CACHE_BACKENDS)[number]

export interface BuildRequest {
  /** Build context folder (absolute, or relative to the working directory). */
  context: string
  /** Dockerfile path; default <context>/Dockerfile (docker's own default). */
  dockerfile?: string
  target?: string
  /** os/arch[/variant]; empty builds for the daemon's platform. */
  platforms: string[]
  /** In the order given; later names win. */
  buildArgs: Record<string, string>
  labels: Record<string, string>
  /** Full references, repository:tag. */
  tags: string[]
  push: boolean
  cache: CacheBackend
  /** The registry cache image (cache: registry), e.g. ghcr.io/acme/hello:buildcache. */
  cacheRef?: string
  /** The GitHub cache scope (cache: gha), so several images of one repository do not share one. */
  cacheScope?: string
  sbom: boolean
  provenance: boolean
  /** The network of RUN steps (--network), e.g. host. */
  network?: string
  /** Where the iidfile and metadata file go. */
  workDir: string
}

export interface Command {
  /** Arguments after the docker program. */
  args: string[]
  /** Variables added to the environment. */
  env: Record<string, string>
}

export interface BuildPlan {
  builder: Builder['kind']
  build: Command
  /** docker push of each tag, after the build (the docker build path only). */
  pushes: Command[]
  /** Written by the build: the image ID (the config digest). */
  iidFile: string
  /** Written by buildx: containerimage.digest and friends. */
  metadataFile?: string
  /** Things the user should know, e.g. the cache that this builder cannot use. */
  notes: string[]
}

export function planBuild(request: BuildRequest, builder: Builder): BuildPlan {
  if (request.tags.length === 0) throw new UserError('nothing to tag the image with')
  const iidFile = path.join(request.workDir, 'iid')
  return builder.kind === 'buildx'
    ? planBuildx(request, builder, iidFile)
    : planDockerBuild(request, iidFile)
}

function commonArgs(request: BuildRequest): string[] {
  const args = ['--progress', 'plain']
  if (request.dockerfile) args.push('--file', request.dockerfile)
  if (request.target) args.push('--target', request.target)
  for (const [name, value] of Object.entries(request.buildArgs)) {
    args.push('--build-arg', `${name}=${value}`)
  }
  for (const [name, value] of Object.entries(request.labels))
    args.push('--label', `${name}=${value}`)
  for (const tag of request.tags) args.push('--tag', tag)
  if (request.network) args.push('--network', request.network)
  return args
}

function planBuildx(
  request: BuildRequest,
  builder: Extract<Builder, { kind: 'buildx' }>,
  iidFile: string
): BuildPlan {
  const notes: string[] = []
  const metadataFile = path.join(request.workDir, 'metadata.json')
  const args = ['buildx', 'build', ...commonArgs(request)]
  if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','))

  if (request.cache !== 'none') {
    if (builder.driver === 'docker') {
      notes.push(
        `cache: ${request.cache} is not used: the buildx builder has the docker driver, which cannot export a build cache; ` +
          'docker/setup-buildx-action creates a builder that can'
      )
    } else if (request.cache === 'gha') {
      const scope = request.cacheScope ? `,scope=${request.cacheScope}` : ''
      args.push('--cache-from', `type=gha${scope}`, '--cache-to', `type=gha,mode=max${scope}`)
    } else {
      if (!request.cacheRef) throw new UserError('cache: registry needs a cache image reference')
      args.push(
        '--cache-from',
        `type=registry,ref=${request.cacheRef}`,
        '--cache-to',
        `type=registry,ref=${request.cacheRef},mode=max`
      )
    }
  }

  // Without these flags buildx (BuildKit 0.11+) adds a provenance attestation when pushing, which
  // turns every single-platform image into an index some registries and platforms show as
  // unknown/unknown (docker/build-push-action#820). Attestations are opt-in here.
  args.push('--provenance', request.provenance ? 'mode=max' : 'false')
  if (request.sbom) args.push('--sbom', 'true')

  args.push('--iidfile', iidFile, '--metadata-file', metadataFile)
  if (request.push) {
    args.push('--push')
  } else if (request.platforms.length <= 1) {
    args.push('--load')
  } else {
    notes.push(
      'push: false with several platforms: docker cannot load a multi-platform image, so only the build cache is kept'
    )
  }
  args.push(request.context)
  return { builder: 'buildx', build: { args, env: {} }, pushes: [], iidFile, metadataFile, notes }
}

function planDockerBuild(request: BuildRequest, iidFile: string): BuildPlan {
  const withoutBuildx =
    'needs docker buildx, and this docker has none (`docker buildx version` failed)'
  const install = 'install it, for example with docker/setup-buildx-action'
  if (request.platforms.length > 1) {
    throw new UserError(
      `platforms ${request.platforms.join(', ')}: building for more than one platform ${withoutBuildx}; ${install}, or build one platform`
    )
  }
  if (request.sbom) throw new UserError(`sbom: true ${withoutBuildx}; ${install}`)
  if (request.provenance) throw new UserError(`provenance: true ${withoutBuildx}; ${install}`)

  const notes: string[] = []
  if (request.cache !== 'none') {
    notes.push(
      `cache: ${request.cache} is not used: it ${withoutBuildx}; building with the local cache only`
    )
  }
  const args = ['build', ...commonArgs(request)]
  if (request.platforms.length === 1) args.push('--platform', request.platforms[0])
  args.push('--iidfile', iidFile, request.context)
  const pushes = request.push ? request.tags.map((tag) => ({ args: ['push', tag], env: {} })) : []
  return {
    builder: 'docker',
    build: { args, env: { DOCKER_BUILDKIT: '1' } },
    pushes,
    iidFile,
    notes
  }
}
