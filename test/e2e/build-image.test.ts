import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction } from '../support/actions.js'
import { expectInputError, expectNoCrash, itReportsConfigMistakes } from '../support/contract.js'
import { cleanupRuns, REPO_ROOT, tempDir, type RunResult } from '../support/runner.js'
import { digestOfReference, MANIFEST_TYPES } from '../support/registry.js'
import { services } from '../support/services.js'
import { addBuildx } from '../support/tools.js'

// The build-image bundle as the runner runs it, against the real dockerd and registry of
// scripts/services.sh: it builds examples/hello, pushes it, outputs the digest the registry
// holds, and on a second run for the same commit builds nothing and outputs the same digest.

const example = path.join(REPO_ROOT, 'examples', 'hello')
const id = `${process.pid}-${Date.now().toString(36)}`

afterAll(cleanupRuns)

describe('build-image action', () => {
  itReportsConfigMistakes('build-image', {})

  it('names an invalid boolean or enum input', async () => {
    await expectInputError(
      'build-image',
      { push: 'maybe' },
      'input "push" must be true or false, got "maybe"'
    )
    await expectInputError(
      'build-image',
      { attest: 'enabled' },
      'input "attest" must be true or false, got "enabled"'
    )
    await expectInputError(
      'build-image',
      { latest: 'always' },
      'input "latest" must be one of release, default-branch, never, got "always"'
    )
    await expectInputError(
      'build-image',
      { 'build-args': 'VERSION' },
      'input "build-args": expected NAME=value, got "VERSION"'
    )
  })

  it('refuses attest: true without the id-token permission, before building anything', async () => {
    await expectInputError(
      'build-image',
      { attest: 'true' },
      'attest: true needs the id-token: write permission (and attestations: write) for this job'
    )
    await expectInputError(
      'build-image',
      { attest: 'true', push: 'false' },
      'attest: true needs push: true: an attestation names an image in a registry'
    )
  })

  it('refuses a tag template it cannot read', async () => {
    await expectInputError(
      'build-image',
      { tags: '{{branch}}-{{commit}}' },
      'tag template "{{branch}}-{{commit}}": unknown {{commit}}; known: {{branch}}, {{tag}}, {{sha}}, {{version}}, {{major}}, {{minor}}, {{pr}}, {{date}}'
    )
  })
})

describe('build-image action with the real docker and registry', () => {
  let dockerConfig: string
  /** Tags the runs left in the test daemon. */
  const built: string[] = []

  beforeAll(() => {
    services() // fails every test at once, with the reason, when the services are not running
    execFileSync('bash', [path.join(example, 'build.sh')], { stdio: 'ignore' })
    dockerConfig = tempDir('slipway-docker-config-')
  })

  afterAll(() => {
    if (built.length === 0) return
    const { docker } = services()
    execFileSync(docker.bin, ['image', 'rm', '--force', ...new Set(built)], {
      env: { ...process.env, DOCKER_HOST: docker.host },
      stdio: 'ignore'
    })
  })

  /** A checkout of the example app, as actions/checkout leaves it. */
  function checkout(): string {
    const workspace = tempDir('slipway-ws-')
    cpSync(example, workspace, { recursive: true })
    return workspace
  }

  /**
   * A step's env: the test daemon, and the Debian docker client (BuildKit built in) first on PATH;
   * with `config`, a docker config folder of the step's own (one with buildx, say).
   */
  function dockerEnv(config = dockerConfig): Record<string, string> {
    const { docker } = services()
    return {
      DOCKER_HOST: docker.host,
      DOCKER_CONFIG: config,
      PATH: [path.dirname(docker.bin), process.env.PATH].join(path.delimiter)
    }
  }

  function pushEvent(sha: string) {
    const payload = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'test/fixtures/events/push.json'), 'utf8')
    ) as Record<string, { id?: string } & Record<string, unknown>>
    return {
      name: 'push',
      payload: { ...payload, after: sha, head_commit: { ...payload.head_commit, id: sha } }
    }
  }

  function pullRequestEvent(headSha: string) {
    const payload = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'test/fixtures/events/pull_request.json'), 'utf8')
    ) as { pull_request: { head: Record<string, unknown> } } & Record<string, unknown>
    const pullRequest = {
      ...payload.pull_request,
      head: { ...payload.pull_request.head, sha: headSha }
    }
    return {
      name: 'pull_request',
      payload: { ...payload, after: headSha, pull_request: pullRequest }
    }
  }

  async function labelsOf(image: string, digest: string): Promise<Record<string, string>> {
    const [host, ...repository] = image.split('/')
    const base = `http://${host}/v2/${repository.join('/')}`
    const manifest = (await (
      await fetch(`${base}/manifests/${digest}`, { headers: { accept: MANIFEST_TYPES } })
    ).json()) as { config: { digest: string } }
    const config = (await (await fetch(`${base}/blobs/${manifest.config.digest}`)).json()) as {
      config: { Labels: Record<string, string> }
    }
    return config.config.Labels
  }

  /** Runs the action and remembers the tags it gave, to remove them from the daemon at the end. */
  async function runBuild(options: Parameters<typeof runSlipwayAction>[1]): Promise<RunResult> {
    const result = await runSlipwayAction('build-image', options)
    if (result.outputs.tags) built.push(...result.outputs.tags.split('\n'))
    return result
  }

  function expectSuccess(result: RunResult): void {
    if (result.exitCode !== 0) throw new Error(`build-image failed:\n${result.log}`)
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([])
    expectNoCrash(result)
  }

  /** The summary as text, without its HTML. */
  const text = (summary: string) => summary.replace(/<[^>]+>/g, '')

  it('builds and pushes the example; a second run for the same commit skips the build', async () => {
    const sha = randomBytes(20).toString('hex')
    const image = `${services().registry}/slipway-e2e/hello-${id}`
    const run = () =>
      runBuild({
        workspace: checkout(),
        event: pushEvent(sha),
        inputs: { image, network: 'host', cache: 'none' },
        env: dockerEnv(),
        timeoutMs: 120_000
      })

    const first = await run()
    expectSuccess(first)
    const tags = [`${image}:sha-${sha.slice(0, 7)}`, `${image}:main`]
    const digest = first.outputs.digest
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await digestOfReference(tags[0])).toBe(digest)
    expect(await digestOfReference(tags[1])).toBe(digest)
    expect(first.outputs).toMatchObject({
      image,
      'image-ref': `${image}@${digest}`,
      tags: tags.join('\n'),
      built: 'true',
      skipped: 'false',
      'attestation-url': ''
    })
    expect(first.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/)
    const metadata = JSON.parse(first.outputs.metadata) as Record<string, unknown>
    expect(metadata).toMatchObject({
      image,
      digest,
      imageRef: `${image}@${digest}`,
      tags,
      version: 'main',
      revision: sha,
      skipped: false,
      pushed: true
    })
    expect(metadata.size).toEqual(expect.any(Number))
    const labels = await labelsOf(image, digest)
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.source': 'https://github.com/acme/hello',
      'org.opencontainers.image.version': 'main',
      'org.opencontainers.image.title': 'hello'
    })
    expect(labels).toEqual(expect.objectContaining(metadata.labels as Record<string, string>))
    expect(first.log).toContain('COPY build/hello /hello')
    expect(text(first.summary)).toContain(`Image${image}`)
    expect(text(first.summary)).toContain(digest)
    expect(text(first.summary)).toMatch(/Cache\s*0 of 1 steps from the cache|Cache\s*1 of 1 steps/)

    const second = await run()
    expectSuccess(second)
    expect(second.outputs).toMatchObject({
      digest,
      'image-ref': `${image}@${digest}`,
      tags: tags.join('\n'),
      built: 'false',
      skipped: 'true'
    })
    expect(second.log).not.toContain('COPY build/hello /hello')
    expect(text(second.summary)).toContain(`skipped: image for ${sha} already in the registry`)
  }, 300_000)

  it('attest: true loads the attestation client after the push and fails in one line when it cannot sign', async () => {
    const sha = randomBytes(20).toString('hex')
    const image = `${services().registry}/slipway-e2e/hello-attest-${id}`
    const result = await runBuild({
      workspace: checkout(),
      event: pushEvent(sha),
      inputs: { image, network: 'host', cache: 'none', attest: 'true' },
      // An OIDC endpoint that refuses at once: here, as on a runner whose job lacks id-token: write.
      env: {
        ...dockerEnv(),
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-a-token'
      },
      timeoutMs: 120_000
    })
    expect(result.exitCode).toBe(1)
    const errors = result.annotations.filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(
      new RegExp(`^attest: could not attest ${image.replace(/[.]/g, '\\.')}@sha256:[0-9a-f]{64}: `)
    )
    expectNoCrash(result)
    // The image was pushed: the outputs name it, so later steps (if: always()) can use it.
    expect(result.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await digestOfReference(`${image}:sha-${sha.slice(0, 7)}`)).toBe(result.outputs.digest)
    expect(result.outputs['attestation-url']).toBe('')
    expect(text(result.summary)).toContain('Attestationfailed: ')
  }, 300_000)

  it("tags a pull request's image with its head commit and pr-<n>, not the merge commit", async () => {
    const headSha = randomBytes(20).toString('hex')
    const image = `${services().registry}/slipway-e2e/hello-pr-${id}`
    const result = await runBuild({
      workspace: checkout(),
      event: pullRequestEvent(headSha),
      inputs: { image, network: 'host', cache: 'none', tags: 'pr-{{pr}}-{{sha}}' },
      env: dockerEnv(),
      timeoutMs: 120_000
    })
    expectSuccess(result)
    const tags = [`sha-${headSha.slice(0, 7)}`, 'pr-42', `pr-42-${headSha.slice(0, 7)}`]
    expect(result.outputs.tags).toBe(tags.map((tag) => `${image}:${tag}`).join('\n'))
    for (const tag of tags)
      expect(await digestOfReference(`${image}:${tag}`)).toBe(result.outputs.digest)
    const labels = await labelsOf(image, result.outputs.digest)
    expect(labels['org.opencontainers.image.revision']).toBe(headSha)
    expect(labels['org.opencontainers.image.version']).toBe('pr-42')
  }, 300_000)

  it('builds and pushes with docker buildx when the runner has it, and says so', async () => {
    const withBuildx = tempDir('slipway-docker-config-')
    addBuildx(withBuildx)
    const sha = randomBytes(20).toString('hex')
    const image = `${services().registry}/slipway-e2e/hello-buildx-${id}`
    const result = await runBuild({
      workspace: checkout(),
      event: pushEvent(sha),
      inputs: { image, network: 'host', cache: 'gha' },
      env: dockerEnv(withBuildx),
      timeoutMs: 120_000
    })
    expectSuccess(result)
    expect(result.log).toMatch(/builder: docker buildx \S+, docker driver/)
    expect(result.log).toContain('COPY build/hello /hello')
    const digest = result.outputs.digest
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    for (const tag of [`sha-${sha.slice(0, 7)}`, 'main'])
      expect(await digestOfReference(`${image}:${tag}`)).toBe(digest)
    expect((await labelsOf(image, digest))['org.opencontainers.image.revision']).toBe(sha)
    expect(text(result.summary)).toMatch(/docker buildx \S+, docker driver, pushed/)
    // The docker driver cannot export a build cache: said, not failed.
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message: expect.stringMatching(/^cache: gha is not used: .*docker driver/)
      })
    )
  }, 300_000)
})
