import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { startGitHubApi, type GitHubApiDouble } from '../support/github-api.js'
import { GitHubDescription } from '../support/github-openapi.js'

// The GitHub API double, driven by the real Octokit client that the actions use
// (@actions/github), against GitHub's OpenAPI description.

const READ_ONLY = 'ghs_readOnlyForkToken00000000000000000001'
let api: GitHubApiDouble

beforeAll(async () => {
  api = await startGitHubApi({
    readOnlyTokens: [READ_ONLY],
    repositories: [
      {
        fullName: 'acme/hello',
        issues: [1, 2, 42],
        refs: { main: 'a'.repeat(40), 'v1.2.0': 'b'.repeat(40) }
      }
    ]
  })
})
afterAll(() => api.close())

/** Tests that provoke violations on purpose clear them; every other test must leave none. */
afterEach(() => {
  const found = api.violations()
  api.clearViolations()
  expect(found).toEqual([])
})

function client(token = api.token) {
  return getOctokit(token, { baseUrl: api.url })
}

/** A request Octokit's types would refuse, as a buggy or untyped caller could send it. */
function untyped(route: string, params: Record<string, unknown>) {
  return client().request(route, params)
}

const repo = { owner: 'acme', repo: 'hello' }

describe('GitHub API double: issue comments', () => {
  it('creates, lists, reads and updates comments', async () => {
    const octokit = client()
    const created = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 42,
      body: 'first'
    })
    expect(created.status).toBe(201)
    expect(created.data.body).toBe('first')
    expect(created.data.user?.login).toBe('github-actions[bot]')
    await octokit.rest.issues.createComment({ ...repo, issue_number: 42, body: 'second' })
    await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'elsewhere' })

    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 42 })
    expect(listed.data.map((c) => c.body)).toEqual(['first', 'second'])

    const updated = await octokit.rest.issues.updateComment({
      ...repo,
      comment_id: created.data.id,
      body: 'first, edited'
    })
    expect(updated.data.id).toBe(created.data.id)
    expect(updated.data.updated_at > created.data.updated_at).toBe(true)
    const read = await octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id })
    expect(read.data.body).toBe('first, edited')
    expect(api.comments('acme/hello', 42).map((c) => c.body)).toEqual(['first, edited', 'second'])
  })

  it('paginates with per_page, page and a Link header that Octokit follows', async () => {
    const octokit = client()
    for (let i = 0; i < 7; i++) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: 2, body: `comment ${i}` })
    }
    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: 2, per_page: 3 })
    expect(first.data.map((c) => c.body)).toEqual(['comment 0', 'comment 1', 'comment 2'])
    expect(first.headers.link).toContain('rel="next"')
    expect(first.headers.link).toMatch(/[?&]page=3[^>]*>; rel="last"/)
    const third = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: 2,
      per_page: 3,
      page: 3
    })
    expect(third.data.map((c) => c.body)).toEqual(['comment 6'])
    expect(third.headers.link).not.toContain('rel="next"')

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: 2,
      per_page: 2
    })
    expect(all.map((c) => c.body)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `comment ${i}`))
    const pages = api
      .requests()
      .filter((r) => r.operationId === 'issues/list-comments' && r.path.includes('per_page=2'))
    expect(pages).toHaveLength(4)
  })

  it('answers 404 for an issue or comment that does not exist', async () => {
    const octokit = client()
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: 999, body: 'x' })
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      octokit.rest.issues.updateComment({ ...repo, comment_id: 1, body: 'x' })
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      client().rest.repos.get({ owner: 'acme', repo: 'nothing-here' })
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('GitHub API double: repositories, deployments and environments', () => {
  it('describes the repository', async () => {
    const { data } = await client().rest.repos.get(repo)
    expect(data.full_name).toBe('acme/hello')
    expect(data.default_branch).toBe('main')
  })

  it('keeps deployment history: create, statuses, filters, newest first', async () => {
    const octokit = client()
    const deploy = async (ref: string, environment: string) => {
      const { status, data } = await octokit.rest.repos.createDeployment({
        ...repo,
        ref,
        environment,
        auto_merge: false,
        required_contexts: [],
        payload: { image: `ghcr.io/acme/hello@sha256:${'1'.repeat(64)}` },
        description: `deploy ${ref}`
      })
      expect(status).toBe(201)
      if (!('id' in data)) throw new Error('expected a deployment')
      return data
    }
    const first = await deploy('main', 'staging')
    expect(first.sha).toBe('a'.repeat(40))
    expect(first.production_environment).toBe(false)
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: first.id,
      state: 'success',
      environment_url: 'https://staging.example.com'
    })
    const second = await deploy('v1.2.0', 'staging')
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: second.id,
      state: 'in_progress'
    })
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: second.id,
      state: 'success'
    })
    const production = await deploy('v1.2.0', 'production')
    expect(production.production_environment).toBe(true)

    const staging = await octokit.rest.repos.listDeployments({ ...repo, environment: 'staging' })
    expect(staging.data.map((d) => d.id)).toEqual([second.id, first.id])
    const bySha = await octokit.rest.repos.listDeployments({ ...repo, sha: 'b'.repeat(40) })
    expect(bySha.data.map((d) => d.id)).toEqual([production.id, second.id])
    const byRef = await octokit.rest.repos.listDeployments({ ...repo, ref: 'main' })
    expect(byRef.data.map((d) => d.id)).toEqual([first.id])

    const secondStatuses = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: second.id
    })
    expect(secondStatuses.data.map((s) => s.state)).toEqual(['success', 'in_progress'])
    // auto_inactive: the earlier successful staging deployment is now inactive.
    const firstStatuses = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: first.id
    })
    expect(firstStatuses.data.map((s) => s.state)).toEqual(['inactive', 'success'])
    expect(firstStatuses.data[1].environment_url).toBe('https://staging.example.com')

    const environments = await octokit.rest.repos.getAllEnvironments(repo)
    expect(environments.data.total_count).toBe(2)
    expect(environments.data.environments?.map((e) => e.name)).toEqual(['staging', 'production'])
    const one = await octokit.rest.repos.getEnvironment({ ...repo, environment_name: 'staging' })
    expect(one.data.name).toBe('staging')
  })

  it('refuses a deployment of a ref the repository does not have, as GitHub does', async () => {
    await expect(
      client().rest.repos.createDeployment({
        ...repo,
        ref: 'no-such-branch',
        required_contexts: []
      })
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('No ref found for: no-such-branch')
    })
  })
})

describe('GitHub API double: requests that do not follow the description', () => {
  it('rejects a comment without a body and records the violation', async () => {
    await expect(
      untyped('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 42,
        text: 'body is misspelled'
      })
    ).rejects.toMatchObject({ status: 422 })
    const violations = api.violations()
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({ source: 'request', operationId: 'issues/create-comment' })
    expect(violations[0].problems.join('\n')).toMatch(/must have required property 'body'/)
    expect(violations[0].problems.join('\n')).toMatch(/field "text" is not described/)
    expect(api.comments('acme/hello', 42).map((c) => c.body)).not.toContain('body is misspelled')
    api.clearViolations()
  })

  it('rejects a deployment with a field of the wrong type', async () => {
    await expect(
      untyped('POST /repos/{owner}/{repo}/deployments', {
        ...repo,
        ref: 'main',
        auto_merge: 'yes'
      })
    ).rejects.toMatchObject({ status: 422 })
    expect(api.violations()).toEqual([
      expect.objectContaining({
        source: 'request',
        operationId: 'repos/create-deployment',
        problems: [expect.stringMatching(/\/auto_merge must be boolean/)]
      })
    ])
    api.clearViolations()
  })

  it('rejects a bad query parameter and a route the description does not have', async () => {
    await expect(
      untyped('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 42,
        per_page: 'lots'
      })
    ).rejects.toMatchObject({ status: 422 })
    await expect(client().request('GET /repos/acme/hello/no-such-thing')).rejects.toMatchObject({
      status: 404
    })
    await expect(client().request('PUT /repos/acme/hello/issues/comments/1')).rejects.toMatchObject(
      {
        status: 404
      }
    )
    expect(api.violations().map((v) => v.problems.join('; '))).toEqual([
      expect.stringMatching(/query parameter per_page="lots": .*must be integer/),
      'no operation of the description matches GET /repos/acme/hello/no-such-thing',
      expect.stringMatching(
        /^PUT is not described for \/repos\/acme\/hello\/issues\/comments\/1 \(only GET, DELETE, PATCH\)/
      )
    ])
    api.clearViolations()
  })
})

describe('GitHub API double: authentication', () => {
  it('answers 401 to a wrong or missing token', async () => {
    await expect(client('ghs_wrong').rest.repos.get(repo)).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials')
    })
    const response = await fetch(`${api.url}/repos/acme/hello`)
    expect(response.status).toBe(401)
  })

  it('accepts both Bearer and token schemes', async () => {
    for (const scheme of ['Bearer', 'token']) {
      const response = await fetch(`${api.url}/repos/acme/hello`, {
        headers: { authorization: `${scheme} ${api.token}` }
      })
      expect(response.status).toBe(200)
    }
  })

  it('lets a read-only token (a fork pull request) read but not write', async () => {
    const octokit = client(READ_ONLY)
    await octokit.rest.issues.listComments({ ...repo, issue_number: 42 })
    await expect(
      octokit.rest.issues.createComment({ ...repo, issue_number: 42, body: 'x' })
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    })
  })
})

describe('the OpenAPI checks of responses', () => {
  it('accept a response as GitHub sends it and name what is wrong with a broken one', async () => {
    const octokit = client()
    const { data } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 1,
      body: 'x'
    })
    const description = GitHubDescription.load()
    const operation = description.match('GET', '/repos/acme/hello/issues/comments/1')!.operation
    expect(operation.operationId).toBe('issues/get-comment')
    expect(description.checkResponse(operation, 200, data)).toEqual([])
    // OpenAPI 3.0 `nullable`: a comment of a deleted user has user null.
    expect(description.checkResponse(operation, 200, { ...data, user: null })).toEqual([])
    const broken: Record<string, unknown> = { ...data, created_at: 5 }
    delete broken.id
    expect(description.checkResponse(operation, 200, broken)).toEqual([
      "200 body: (root) must have required property 'id'; /created_at must be string"
    ])
    expect(description.checkResponse(operation, 201, data)).toEqual([
      'status 201 is not a described response of issues/get-comment'
    ])
  })
})
