import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runCli } from '../support/cli.js'
import { cleanupRuns, REPO_ROOT, tempDir } from '../support/runner.js'

// `slipway diff --previous-ref`: the environment rendered from the repository at a git ref
// (real git, real kubectl kustomize) and compared with the render of the checkout.

afterAll(cleanupRuns)

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Mona',
  GIT_AUTHOR_EMAIL: 'mona@example.com',
  GIT_COMMITTER_NAME: 'Mona',
  GIT_COMMITTER_EMAIL: 'mona@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' })
}

/** A repository with the example app in app/, as two commits; the checkout is at the second. */
function repository(): { repo: string; app: string; first: string } {
  const repo = tempDir('slipway-git-')
  const app = path.join(repo, 'app')
  cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'app'), app, { recursive: true })
  git(repo, 'init', '--quiet', '--initial-branch=main')
  git(repo, 'add', '.')
  git(repo, 'commit', '--quiet', '-m', 'first')
  const first = git(repo, 'rev-parse', 'HEAD').trim()

  // The second commit: two replicas in staging, a new ConfigMap, the Service gone.
  writeFileSync(
    path.join(app, 'deploy/overlays/staging/kustomization.yaml'),
    'namespace: hello-staging\nresources:\n  - ../../base\n  - config.yaml\nreplicas:\n  - name: hello\n    count: 2\n'
  )
  writeFileSync(
    path.join(app, 'deploy/overlays/staging/config.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hello-config\ndata:\n  greeting: hello\n'
  )
  writeFileSync(
    path.join(app, 'deploy/base/kustomization.yaml'),
    'resources:\n  - deployment.yaml\nlabels:\n  - pairs:\n      app.kubernetes.io/name: hello\n    includeSelectors: true\n'
  )
  rmSync(path.join(app, 'deploy/base/service.yaml'))
  git(repo, 'add', '-A')
  git(repo, 'commit', '--quiet', '-m', 'second')
  return { repo, app, first }
}

function diff(cwd: string, ...args: string[]) {
  return runCli(['diff', ...args], cwd)
}

describe('slipway diff --previous-ref', () => {
  it('renders the environment at the ref and shows what the commits since changed', async () => {
    const { repo, app, first } = repository()
    const image = `ghcr.io/acme/hello:1.4.0@sha256:${'c'.repeat(64)}`
    const result = await diff(
      app,
      '--env',
      'staging',
      '--previous-ref',
      'HEAD~1',
      '--image',
      image,
      '--format',
      'json'
    )
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const changes = JSON.parse(result.out)
    expect(changes.added).toEqual([
      expect.objectContaining({ kind: 'ConfigMap', name: 'hello-config' })
    ])
    expect(changes.removed).toEqual([expect.objectContaining({ kind: 'Service', name: 'hello' })])
    // Same image on both sides: only the replicas differ, not the release.
    expect(changes.changed).toEqual([
      {
        id: expect.objectContaining({ kind: 'Deployment', name: 'hello' }),
        paths: ['spec.replicas']
      }
    ])

    const markdown = await diff(app, '--env', 'staging', '--previous-ref', 'HEAD~1', '--exit-code')
    expect(markdown.code).toBe(1)
    expect(markdown.out).toContain(`compared with HEAD~1 (${first.slice(0, 12)}).`)

    // The checkout is left as it was: no worktree, no changed file.
    expect(git(repo, 'status', '--porcelain')).toBe('')
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
  })

  it('finds nothing changed against the commit checked out', async () => {
    const { app } = repository()
    const result = await diff(app, '--env', 'staging', '--previous-ref', 'main', '--exit-code')
    expect(result.code).toBe(0)
    expect(result.out).toContain('0 added, 0 changed, 0 removed, 2 unchanged, compared with main (')
  })

  it('counts every object as added when the environment is new since the ref', async () => {
    const { repo, app } = repository()
    const config = path.join(app, 'slipway.yaml')
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        'environments:\n',
        'environments:\n  dev:\n    namespace: hello-dev\n    manifests:\n      kustomize: deploy/overlays/staging\n'
      )
    )
    git(repo, 'commit', '--quiet', '-am', 'dev')
    const result = await diff(app, '--env', 'dev', '--previous-ref', 'HEAD~1', '--format', 'json')
    expect(result.err).toBe('')
    expect(JSON.parse(result.out)).toMatchObject({ changed: [], removed: [], unchanged: 0 })
    expect(JSON.parse(result.out).added).toHaveLength(2)
  })

  it('says how to fetch a ref that is not in the history, and refuses what is not a ref', async () => {
    const { app } = repository()
    const missing = await diff(app, '--env', 'staging', '--previous-ref', 'v9.9.9')
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(
      /git ref "v9\.9\.9" is not in the repository's history.*fetch-depth: 0/
    )
    const option = await diff(app, '--env', 'staging', '--previous-ref=--output=/tmp/x')
    expect(option.code).toBe(1)
    expect(option.err).toContain('"--output=/tmp/x" is not a git ref')
  })

  it('names a folder outside any repository', async () => {
    const dir = tempDir('slipway-nogit-')
    mkdirSync(dir, { recursive: true })
    cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'app'), dir, { recursive: true })
    const result = await diff(dir, '--env', 'staging', '--previous-ref', 'main')
    expect(result.code).toBe(1)
    expect(result.err).toContain('is not in a git repository, so no git ref can be rendered')
  })

  it('wants --env with --previous-ref, and not both --previous and --previous-ref', async () => {
    const { app } = repository()
    expect((await diff(app, '--previous-ref', 'main')).err).toContain('--previous-ref needs --env')
    expect(
      (await diff(app, '--env', 'staging', '--previous', 'x', '--previous-ref', 'main')).err
    ).toContain('give either --previous or --previous-ref, not both')
  })
})
