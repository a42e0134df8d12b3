import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runSlipwayAction } from '../support/actions.js'
import { expectNoCrash } from '../support/contract.js'
import { startGitHubApi, type GitHubApiDouble } from '../support/github-api.js'
import { cleanupRuns } from '../support/runner.js'
import { makeWorkspace } from '../support/workspace.js'

// render-manifests on a pull request with `comment: true`: the diff against the previous render
// posted as one comment, edited in place on the next push, through the GitHub API double that
// checks every request and response against GitHub's OpenAPI description.

const MARKER = '<!-- slipway:render-diff:staging -->'
const READ_ONLY = 'ghs_readOnlyForkToken00000000000000000001'

/** The previous release as it was rendered: one replica, an old ConfigMap, no Service yet. */
const PREVIOUS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: hello-old
  namespace: hello-staging
data:
  greeting: hi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
  namespace: hello-staging
  labels:
    app.kubernetes.io/name: hello
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: hello
  template:
    metadata:
      labels:
        app.kubernetes.io/name: hello
    spec:
      containers:
        - name: hello
          image: ghcr.io/acme/hello:1.0.0
`

let api: GitHubApiDouble

beforeAll(async () => {
  api = await startGitHubApi({
    readOnlyTokens: [READ_ONLY],
    repositories: [{ fullName: 'acme/hello', issues: [42] }]
  })
})
afterAll(async () => {
  await api.close()
  cleanupRuns()
})
afterEach(() => {
  const found = api.violations()
  api.clearViolations()
  expect(found).toEqual([])
})

function render(
  workspace: string,
  token = api.token,
  event: 'pull_request' | 'push' = 'pull_request'
) {
  return runSlipwayAction('render-manifests', {
    workspace,
    event,
    apiUrl: api.url,
    token,
    inputs: { environment: 'staging', previous: 'previous/manifests.yaml', comment: 'true' }
  })
}

function markedComments() {
  return api.comments('acme/hello', 42).filter((c) => c.body.startsWith(MARKER))
}

describe('render-manifests pull-request comment', () => {
  it('posts the diff once, then edits the same comment on the next push', async () => {
    // A busy pull request: the comments of people fill more than one page.
    for (let i = 0; i < 120; i++) api.addComment('acme/hello', 42, `review comment ${i}`)
    const workspace = makeWorkspace('app', { 'previous/manifests.yaml': PREVIOUS })

    const first = await render(workspace)
    expect(first.exitCode).toBe(0)
    expectNoCrash(first)
    expect(first.annotations).toEqual([])
    expect(first.masked).toContain(api.token)
    expect(first.leaked).toEqual([])
    const [posted] = markedComments()
    expect(markedComments()).toHaveLength(1)
    expect(posted.login).toBe('github-actions[bot]')
    expect(posted.body).toContain('1 added, 1 changed, 1 removed, 0 unchanged')
    expect(posted.body).toContain('| added | Service hello-staging/hello |')
    expect(posted.body).toMatch(
      /\| changed \| Deployment hello-staging\/hello \| .*`spec\.template\.spec\.containers\[hello\]\.image`/
    )
    expect(posted.body).toContain('| removed | ConfigMap hello-staging/hello-old |')
    // The head commit of the pull request, not the merge commit GITHUB_SHA names.
    expect(posted.body).toContain('Rendered at b1d4f7a0c3e6 by slipway.')
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/acme/hello/pull/42#issuecomment-${posted.id}`
    )

    // The next push: two replicas, compared with what the first run rendered.
    mkdirSync(path.join(workspace, 'previous'), { recursive: true })
    copyFileSync(first.outputs.manifests, path.join(workspace, 'previous', 'manifests.yaml'))
    writeFileSync(
      path.join(workspace, 'deploy/overlays/staging/kustomization.yaml'),
      [
        'namespace: hello-staging',
        'resources:',
        '  - ../../base',
        'replicas:',
        '  - name: hello',
        '    count: 2',
        ''
      ].join('\n')
    )
    const second = await render(workspace)
    expect(second.exitCode).toBe(0)
    expect(second.annotations).toEqual([])
    expect(markedComments()).toEqual([
      expect.objectContaining({ id: posted.id, login: 'github-actions[bot]' })
    ])
    const edited = markedComments()[0].body
    expect(edited).not.toBe(posted.body)
    expect(edited).toContain('0 added, 1 changed, 0 removed, 1 unchanged')
    expect(edited).toMatch(/\| changed \| Deployment hello-staging\/hello \| `spec\.replicas` \|/)
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    // The people's comments are untouched.
    expect(api.comments('acme/hello', 42)).toHaveLength(121)

    // The second run read every page before deciding to edit, and wrote once.
    const lists = api.requests().filter((r) => r.operationId === 'issues/list-comments')
    expect(lists.map((r) => r.path.replace(/^.*\?/, ''))).toEqual([
      'per_page=100',
      'per_page=100&page=2',
      'per_page=100',
      'per_page=100&page=2'
    ])
    const writes = api.requests().filter((r) => r.method !== 'GET')
    expect(writes.map((r) => `${r.method} ${r.operationId} ${r.status}`)).toEqual([
      'POST issues/create-comment 201',
      'PATCH issues/update-comment 200'
    ])
  })

  it('diffs against the base commit of the pull request with previous-ref', async () => {
    const workspace = makeWorkspace('app')
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'Mona',
      GIT_AUTHOR_EMAIL: 'mona@example.com',
      GIT_COMMITTER_NAME: 'Mona',
      GIT_COMMITTER_EMAIL: 'mona@example.com',
      GIT_CONFIG_GLOBAL: '/dev/null'
    }
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: workspace, env, encoding: 'utf8' }).trim()
    git('init', '--quiet', '--initial-branch=main')
    git('add', '.')
    git('commit', '--quiet', '-m', 'base')
    const base = git('rev-parse', 'HEAD')
    writeFileSync(
      path.join(workspace, 'deploy/overlays/staging/kustomization.yaml'),
      'namespace: hello-staging\nresources:\n  - ../../base\nreplicas:\n  - name: hello\n    count: 4\n'
    )
    git('commit', '--quiet', '-am', 'four replicas')

    const result = await runSlipwayAction('render-manifests', {
      workspace,
      event: 'pull_request',
      apiUrl: api.url,
      token: api.token,
      inputs: { environment: 'staging', 'previous-ref': base, comment: 'true' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([])
    expect(result.outputs.changed).toBe('true')
    expect(result.summary).toContain(
      `0 added, 1 changed, 0 removed, 1 unchanged, compared with ${base.slice(0, 12)}.`
    )
    const [comment] = markedComments()
    expect(markedComments()).toHaveLength(1)
    expect(comment.body).toMatch(
      /\| changed \| Deployment hello-staging\/hello \| `spec\.replicas` \|/
    )
    expect(git('status', '--porcelain')).toBe('')
  })

  it('warns and still succeeds when the token may not write (a pull request from a fork)', async () => {
    const before = api.comments('acme/hello', 42).length
    const workspace = makeWorkspace('app', { 'previous/manifests.yaml': PREVIOUS })
    const result = await render(workspace, READ_ONLY)
    expect(result.exitCode).toBe(0)
    expect(result.outputs.changed).toBe('true')
    expect(result.outputs['comment-url']).toBeUndefined()
    expect(result.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^could not comment on pull request #42: Resource not accessible by integration.*pull-requests: write/
        )
      })
    ])
    expect(result.leaked).toEqual([])
    expect(api.comments('acme/hello', 42)).toHaveLength(before)
  })

  it('does not call the API on a push', async () => {
    const calls = api.requests().length
    const workspace = makeWorkspace('app', { 'previous/manifests.yaml': PREVIOUS })
    const result = await render(workspace, api.token, 'push')
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([])
    expect(result.log).toContain('not a pull_request event (push), no comment posted')
    expect(api.requests()).toHaveLength(calls)
  })
})
