import * as core from '@actions/core'
import { info } from './lib/log.js'
import * as github from '@actions/github'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CACHE_BACKENDS } from '../core/build/build-plan.js'
import { buildImage, type BuildImageOutcome } from '../core/build/build-image.js'
import { detectBuilder } from '../core/build/builder.js'
import { commitTime, gitContextFromGitHub, type GitContext } from '../core/build/git-context.js'
import { computeMetadata, LATEST_POLICIES, type ImageMetadata } from '../core/build/metadata.js'
import { errorMessage, UserError } from '../core/errors.js'
import { RegistryClient } from '../core/image/registry.js'
import { summaryCode, summaryLink, summaryText } from '../core/summary-text.js'
import { configFromInput, workspace } from './lib/config.js'
import { booleanInput, enumInput, listInput, optionalInput } from './lib/inputs.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const root = workspace()
  const inputs = {
    image: optionalInput('image') ?? config.image.repository,
    context: optionalInput('context') ?? config.image.context,
    dockerfile: optionalInput('dockerfile') ?? config.image.dockerfile,
    target: optionalInput('target'),
    platforms: listInput('platforms'),
    buildArgs: { ...config.image['build-args'], ...keyValueInput('build-args') },
    tags: linesInput('tags'),
    labels: keyValueInput('labels'),
    cache: enumInput('cache', CACHE_BACKENDS, 'gha'),
    push: booleanInput('push', true),
    skipExisting: booleanInput('skip-existing', true),
    latest: enumInput('latest', LATEST_POLICIES, 'release'),
    defaultBranch: optionalInput('default-branch'),
    sbom: booleanInput('sbom', false),
    provenance: booleanInput('provenance', false),
    network: optionalInput('network'),
    attest: booleanInput('attest', false),
    token: optionalInput('github-token')
  }
  const platforms = inputs.platforms.length > 0 ? inputs.platforms : (config.image.platforms ?? [])
  if (inputs.attest) checkCanAttest(inputs.push, inputs.token)

  const git = await gitContext(root)
  const metadata = computeMetadata({
    image: inputs.image,
    git,
    latest: inputs.latest,
    defaultBranch: inputs.defaultBranch,
    templates: inputs.tags,
    labels: inputs.labels
  })

  const docker = { program: 'docker', env: process.env, cwd: root }
  const builder = await detectBuilder(docker)
  info(`builder: ${describeBuilder(builder)}`)
  // Credentials come from docker's own config (docker login, docker/login-action), as for the push.
  const registry = new RegistryClient({ onSecret: (secret) => core.setSecret(secret) })
  const workDir = await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'slipway-build-'))
  // The build's log goes in a group of its own, opened by its first line: a skipped build has none.
  let grouped = false
  const log = (line: string) => {
    if (!grouped) core.startGroup(`Build ${metadata.image} (${metadata.tags.join(', ')})`)
    grouped = true
    info(line)
  }
  let outcome: BuildImageOutcome
  try {
    outcome = await buildImage({
      metadata,
      builder,
      build: {
        context: path.resolve(root, inputs.context),
        dockerfile: inputs.dockerfile ? path.resolve(root, inputs.dockerfile) : undefined,
        target: inputs.target,
        platforms,
        buildArgs: inputs.buildArgs,
        push: inputs.push,
        cache: inputs.cache,
        cacheRef: `${metadata.image}:buildcache`,
        cacheScope: metadata.image.split('/').slice(1).join('/'),
        sbom: inputs.sbom,
        provenance: inputs.provenance,
        network: inputs.network
      },
      skipExisting: inputs.skipExisting,
      docker,
      registry,
      workDir,
      log
    })
  } finally {
    if (grouped) core.endGroup()
    await rm(workDir, { recursive: true, force: true })
  }
  for (const note of outcome.notes) core.notice(note)
  if (outcome.skipped) {
    info(`skipped: image for ${git.sha} already in the registry as ${outcome.imageRef}`)
    for (const reference of outcome.retagged) info(`tagged ${reference}`)
  }

  core.setOutput('digest', outcome.digest ?? '')
  core.setOutput('image', outcome.image)
  core.setOutput('image-ref', outcome.imageRef ?? '')
  core.setOutput('image-id', outcome.imageId ?? '')
  core.setOutput('tags', outcome.tags.join('\n'))
  core.setOutput('built', String(!outcome.skipped))
  core.setOutput('skipped', String(outcome.skipped))

  // After the outputs: a failed attestation fails the step, but the pushed image is named.
  let attestationUrl: string | undefined
  let attestFailure: unknown
  if (inputs.attest && outcome.digest && !outcome.skipped) {
    try {
      attestationUrl = await attest(outcome.image, outcome.digest, inputs.token!)
    } catch (error) {
      attestFailure = error
    }
  }
  core.setOutput('attestation-url', attestationUrl ?? '')
  core.setOutput('metadata', JSON.stringify(metadataJson(metadata, outcome, git, attestationUrl)))
  const attestError = attestFailure === undefined ? undefined : errorMessage(attestFailure)
  await writeSummary(metadata, outcome, git, attestationUrl, attestError)
  if (attestFailure) throw attestFailure
}

/** `NAME=value` per line; values may hold commas and "=", blank lines and # comments are dropped. */
function keyValueInput(name: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const line of linesInput(name)) {
    const equals = line.indexOf('=')
    if (equals <= 0) throw new UserError(`input "${name}": expected NAME=value, got "${line}"`)
    result[line.slice(0, equals).trim()] = line.slice(equals + 1)
  }
  return result
}

/** One item per line (commas are kept: a tag template may not hold one, but that is its error). */
function linesInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
}

async function gitContext(root: string): Promise<GitContext> {
  const { context } = github
  const payload = context.payload as Record<string, unknown>
  const pullRequest = payload.pull_request as { head?: { sha?: string } } | undefined
  const sha = pullRequest?.head?.sha || context.sha
  return gitContextFromGitHub(
    {
      eventName: context.eventName,
      ref: context.ref,
      sha: context.sha,
      repository: process.env.GITHUB_REPOSITORY ?? '',
      serverUrl: context.serverUrl,
      payload
    },
    {
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
      commitTime: await commitTime(root, sha),
      now: new Date()
    }
  )
}

/** Fails before building when the attestation could not be made afterwards. */
function checkCanAttest(push: boolean, token: string | undefined): void {
  if (!push) {
    throw new UserError(
      'attest: true needs push: true: an attestation names an image in a registry'
    )
  }
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new UserError(
      'attest: true needs the id-token: write permission (and attestations: write) for this job'
    )
  }
  if (!token) throw new UserError('attest: true needs a github-token')
}

async function attest(image: string, digest: string, token: string): Promise<string | undefined> {
  const [algorithm, hex] = digest.split(':')
  // Loaded only when asked for: Sigstore's client is most of this bundle's start-up time.
  const { attestProvenance } = await import('@actions/attest')
  try {
    const attestation = await attestProvenance({
      subjects: [{ name: image, digest: { [algorithm]: hex } }],
      token
    })
    info(`attested the build provenance of ${image}@${digest}`)
    if (!attestation.attestationID) return undefined
    const { serverUrl, repo } = github.context
    return `${serverUrl}/${repo.owner}/${repo.repo}/attestations/${attestation.attestationID}`
  } catch (error) {
    // @actions/core's OIDC errors span several lines; an annotation is one.
    const reason = errorMessage(error)
      .replace(/Error Code : undefined/g, '')
      .replace(/\s+/g, ' ')
      .trim()
    throw new UserError(`attest: could not attest ${image}@${digest}: ${reason}`)
  }
}

function describeBuilder(builder: BuildImageOutcome['builder']): string {
  if (builder.kind === 'buildx') {
    const driver = builder.driver ? `, ${builder.driver} driver` : ''
    return `docker buildx ${builder.version ?? ''}${driver}`.replace(/ ,/, ',').trim()
  }
  return `docker build with BuildKit${builder.version ? ` (docker ${builder.version})` : ''}`
}

function metadataJson(
  metadata: ImageMetadata,
  outcome: BuildImageOutcome,
  git: GitContext,
  attestationUrl: string | undefined
) {
  return {
    image: outcome.image,
    digest: outcome.digest ?? null,
    imageRef: outcome.imageRef ?? null,
    imageId: outcome.imageId ?? null,
    tags: outcome.tags,
    version: metadata.version,
    labels: metadata.labels,
    revision: git.sha,
    skipped: outcome.skipped,
    retagged: outcome.retagged,
    pushed: outcome.pushed,
    builder: describeBuilder(outcome.builder),
    size: outcome.size ?? null,
    durationMs: outcome.durationMs,
    cache: outcome.cache ?? null,
    attestationUrl: attestationUrl ?? null
  }
}

/** The job summary of a build (exported for its test). */
export async function writeSummary(
  metadata: ImageMetadata,
  outcome: BuildImageOutcome,
  git: GitContext,
  attestationUrl: string | undefined,
  attestError: string | undefined
): Promise<void> {
  const code = summaryCode
  const rows: [string, string][] = []
  if (outcome.skipped) {
    const retagged = outcome.retagged.length
    const tagged = retagged > 0 ? `; ${retagged} tag${retagged > 1 ? 's' : ''} added` : ''
    rows.push(['Build', `skipped: image for ${code(git.sha)} already in the registry${tagged}`])
  } else {
    const by = summaryText(describeBuilder(outcome.builder))
    rows.push(['Build', `${seconds(outcome.durationMs)}, ${by}${outcome.pushed ? ', pushed' : ''}`])
  }
  rows.push(['Digest', outcome.digest ? code(outcome.digest) : 'not pushed'])
  if (outcome.imageRef) rows.push(['By digest', code(outcome.imageRef)])
  rows.push(['Tags', outcome.tags.map(code).join('<br>')])
  if (outcome.size !== undefined) rows.push(['Size', bytes(outcome.size)])
  if (outcome.cache && outcome.cache.steps > 0) {
    rows.push(['Cache', `${outcome.cache.cached} of ${outcome.cache.steps} steps from the cache`])
  }
  if (attestationUrl) rows.push(['Attestation', summaryLink(attestationUrl, 'build provenance')])
  if (attestError) rows.push(['Attestation', `failed: ${summaryText(attestError)}`])
  const labels = Object.entries(metadata.labels)
    .map(([name, value]) => `<tr><td>${code(name)}</td><td>${code(value)}</td></tr>`)
    .join('')
  await core.summary
    .addHeading('build-image', 3)
    .addTable([
      [
        { data: 'Image', header: true },
        { data: code(outcome.image), header: true }
      ],
      ...rows.map(([name, value]) => [name, value])
    ])
    .addDetails('Labels', `<table>${labels}</table>`)
    .write()
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function bytes(size: number): string {
  if (size < 1024) return `${size} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = size / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}
