// A GitHub REST API double on loopback, with in-memory state: issue comments, repositories,
// deployments and their statuses, environments. Every request is matched to an operation of
// GitHub's OpenAPI description (github-openapi.ts) and checked against it; a request that does
// not follow the description is answered 4xx and recorded as a violation. Every response the
// double sends is checked too: one that fails is a bug of the double, recorded and answered 500.
// Tests assert `violations()` is empty. Routes are handlers keyed by operationId (ROUTES below).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GitHubDescription, type Operation } from './github-openapi.js'

export const DOCS = 'https://docs.github.com/rest'

export interface Violation {
  /** `request`: the client sent what the description does not allow; `response`: the double did. */
  source: 'request' | 'response'
  method: string
  path: string
  operationId?: string
  problems: string[]
}

export interface RecordedRequest {
  method: string
  path: string
  operationId?: string
  status: number
  body?: unknown
}

export interface RepositoryOptions {
  /** `owner/name`. */
  fullName: string
  defaultBranch?: string
  /** Branches and tags (short names) with their commit SHAs. */
  refs?: Record<string, string>
  /** Issue and pull request numbers that exist. */
  issues?: number[]
}

export interface GitHubApiOptions {
  /** Tokens with write access; default one, see `token`. */
  tokens?: string[]
  /** Tokens that can read but not write, as a pull request from a fork gets. */
  readOnlyTokens?: string[]
  repositories?: RepositoryOptions[]
  /** The login of the token's user, author of comments and deployments. */
  login?: string
}

type Json = Record<string, unknown>

interface User {
  login: string
  id: number
  type: 'User' | 'Bot' | 'Organization'
}

interface Comment {
  id: number
  issue: number
  body: string
  user: User
  created: string
  updated: string
}

interface Deployment {
  id: number
  sha: string
  ref: string
  task: string
  payload: unknown
  environment: string
  originalEnvironment: string
  description: string | null
  transient: boolean
  production: boolean
  creator: User
  created: string
  updated: string
}

interface DeploymentStatus {
  id: number
  deployment: number
  state: string
  description: string
  environment: string
  targetUrl: string
  logUrl: string
  environmentUrl: string
  creator: User
  created: string
}

interface Environment {
  id: number
  name: string
  created: string
  updated: string
}

export interface RepositoryState {
  id: number
  owner: User
  name: string
  defaultBranch: string
  refs: Map<string, string>
  issues: Set<number>
  comments: Comment[]
  deployments: Deployment[]
  statuses: DeploymentStatus[]
  environments: Environment[]
  created: string
}

interface Context {
  api: GitHubApiDouble
  repo: RepositoryState
  params: Record<string, string>
  query: URLSearchParams
  body: Json
  user: User
  /** The request URL, for Link headers. */
  url: URL
}

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

type Handler = (ctx: Context) => Reply

export class GitHubApiDouble {
  readonly url: string
  readonly token: string
  private readonly server: Server
  private readonly description: GitHubDescription
  private readonly options: Required<Omit<GitHubApiOptions, 'repositories'>>
  private readonly repositories = new Map<string, RepositoryState>()
  private readonly recorded: RecordedRequest[] = []
  private readonly found: Violation[] = []
  private nextId = 1000
  /** The double's clock, one second per write, so that orders and timestamps are stable. */
  private clock = Date.parse('2026-11-23T10:00:00Z')

  private constructor(server: Server, options: GitHubApiOptions) {
    this.server = server
    this.description = GitHubDescription.load()
    const port = (server.address() as AddressInfo).port
    this.url = `http://127.0.0.1:${port}`
    const tokens = options.tokens ?? ['ghs_slipwayTestDoubleToken000000000001']
    this.token = tokens[0]
    this.options = {
      tokens,
      readOnlyTokens: options.readOnlyTokens ?? [],
      login: options.login ?? 'github-actions[bot]'
    }
    for (const repo of options.repositories ?? [{ fullName: 'acme/hello' }]) {
      this.addRepository(repo)
    }
  }

  static async start(options: GitHubApiOptions = {}): Promise<GitHubApiDouble> {
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
    const api = new GitHubApiDouble(server, options)
    server.on('request', (req, res) => void api.handle(req, res))
    return api
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  addRepository(options: RepositoryOptions): RepositoryState {
    const [owner, name] = options.fullName.split('/')
    const defaultBranch = options.defaultBranch ?? 'main'
    const state: RepositoryState = {
      id: this.id(),
      owner: { login: owner, id: this.id(), type: 'Organization' },
      name,
      defaultBranch,
      refs: new Map(Object.entries(options.refs ?? { [defaultBranch]: sha(defaultBranch) })),
      issues: new Set(options.issues ?? []),
      comments: [],
      deployments: [],
      statuses: [],
      environments: [],
      created: this.now()
    }
    this.repositories.set(options.fullName.toLowerCase(), state)
    return state
  }

  repository(fullName: string): RepositoryState {
    const repo = this.repositories.get(fullName.toLowerCase())
    if (!repo) throw new Error(`the GitHub API double has no repository ${fullName}`)
    return repo
  }

  /** The comments of an issue or pull request, oldest first, as GitHub lists them. */
  comments(fullName: string, issue: number): { id: number; body: string; login: string }[] {
    return this.repository(fullName)
      .comments.filter((c) => c.issue === issue)
      .map((c) => ({ id: c.id, body: c.body, login: c.user.login }))
  }

  /** A comment written by someone else (a person, by default), as a test's starting state. */
  addComment(fullName: string, issue: number, body: string, login = 'octocat'): number {
    const repo = this.repository(fullName)
    if (!repo.issues.has(issue)) throw new Error(`${fullName} has no issue ${issue}`)
    const now = this.now()
    const id = this.id()
    repo.comments.push({
      id,
      issue,
      body,
      user: { login, id: 583231, type: 'User' },
      created: now,
      updated: now
    })
    return id
  }

  requests(): RecordedRequest[] {
    return [...this.recorded]
  }

  violations(): Violation[] {
    return [...this.found]
  }

  /** Forgets the violations so far, after a test that provoked them on purpose. */
  clearViolations(): void {
    this.found.length = 0
  }

  // ---- request handling -------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', this.url)
    const pathname = url.pathname
    const raw = await readBody(req)
    const send = (operation: Operation | undefined, reply: Reply, requestBody?: unknown) => {
      let { status, body } = reply
      if (operation) {
        const problems = this.description.checkResponse(operation, status, body)
        if (problems.length > 0) {
          this.violate('response', method, pathname, operation, problems)
          status = 500
          body = { message: `GitHub API double: invalid response: ${problems.join('; ')}` }
        }
      }
      this.recorded.push({
        method,
        path: pathname + url.search,
        operationId: operation?.operationId,
        status,
        body: requestBody
      })
      const text = body === undefined ? '' : JSON.stringify(body)
      res.writeHead(status, {
        ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        ...reply.headers
      })
      res.end(text)
    }

    const match = this.description.match(method, pathname)
    if (!match) {
      const methods = this.description.methodsFor(pathname)
      const problem = methods.length
        ? `${method} is not described for ${pathname} (only ${methods.join(', ')})`
        : `no operation of the description matches ${method} ${pathname}`
      this.violate('request', method, pathname, undefined, [problem])
      send(undefined, { status: 404, body: { message: 'Not Found', documentation_url: DOCS } })
      return
    }
    const { operation, params } = match

    const user = this.authenticate(req.headers.authorization)
    if (!user) {
      send(operation, { status: 401, body: error('Bad credentials', 401) })
      return
    }

    let body: unknown
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        this.violate('request', method, pathname, operation, ['the body is not JSON'])
        send(operation, { status: 400, body: error('Problems parsing JSON', 400) })
        return
      }
    }
    const problems = this.description.checkRequest(operation, {
      params,
      query: url.searchParams,
      body
    })
    if (problems.length > 0) {
      this.violate('request', method, pathname, operation, problems)
      send(
        operation,
        { status: 422, body: error(`Invalid request.\n\n${problems.join('\n')}`, 422) },
        body
      )
      return
    }

    const handler = ROUTES[operation.operationId]
    if (!handler) {
      this.violate('request', method, pathname, operation, [
        `${operation.operationId} is described but the double does not implement it`
      ])
      send(operation, { status: 404, body: error('Not Found', 404) }, body)
      return
    }
    const repo =
      params.owner && this.repositories.get(`${params.owner}/${params.repo}`.toLowerCase())
    if (!repo) {
      send(operation, { status: 404, body: error('Not Found', 404) }, body)
      return
    }
    if (method !== 'GET' && user.readOnly) {
      send(
        operation,
        { status: 403, body: error('Resource not accessible by integration', 403) },
        body
      )
      return
    }
    const ctx: Context = {
      api: this,
      repo,
      params,
      query: url.searchParams,
      body: (body ?? {}) as Json,
      user: user.user,
      url
    }
    let reply: Reply
    try {
      reply = handler(ctx)
    } catch (e) {
      reply = { status: 500, body: { message: `GitHub API double: ${String(e)}` } }
      this.violate('response', method, pathname, operation, [String(e)])
    }
    send(operation, reply, body)
  }

  private authenticate(header: string | undefined): { user: User; readOnly: boolean } | undefined {
    const token = /^(?:bearer|token)\s+(\S+)$/i.exec(header ?? '')?.[1]
    if (!token) return undefined
    const user: User = { login: this.options.login, id: 41898282, type: 'Bot' }
    if (this.options.tokens.includes(token)) return { user, readOnly: false }
    if (this.options.readOnlyTokens.includes(token)) return { user, readOnly: true }
    return undefined
  }

  private violate(
    source: Violation['source'],
    method: string,
    path: string,
    operation: Operation | undefined,
    problems: string[]
  ): void {
    this.found.push({ source, method, path, operationId: operation?.operationId, problems })
  }

  // ---- helpers for handlers ---------------------------------------------------------------

  id(): number {
    return this.nextId++
  }

  now(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z')
  }

  apiUrl(path: string): string {
    return `${this.url}${path}`
  }
}

/** A GitHub API double on an ephemeral loopback port; `close()` it after the tests. */
export function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApiDouble> {
  return GitHubApiDouble.start(options)
}

// ---- routes, by operationId -----------------------------------------------------------------

const ROUTES: Record<string, Handler> = {
  'repos/get': (ctx) => ok(repositoryJson(ctx)),

  'issues/list-comments': (ctx) => {
    const issue = issueOf(ctx)
    if (issue === undefined) return notFound()
    const comments = ctx.repo.comments.filter((c) => c.issue === issue)
    return page(
      ctx,
      comments.map((c) => commentJson(ctx, c))
    )
  },
  'issues/create-comment': (ctx) => {
    const issue = issueOf(ctx)
    if (issue === undefined) return notFound()
    const now = ctx.api.now()
    const comment: Comment = {
      id: ctx.api.id(),
      issue,
      body: String(ctx.body.body),
      user: ctx.user,
      created: now,
      updated: now
    }
    ctx.repo.comments.push(comment)
    const json = commentJson(ctx, comment)
    return { status: 201, body: json, headers: { location: String(json.url) } }
  },
  'issues/get-comment': (ctx) => {
    const comment = commentOf(ctx)
    return comment ? ok(commentJson(ctx, comment)) : notFound()
  },
  'issues/update-comment': (ctx) => {
    const comment = commentOf(ctx)
    if (!comment) return notFound()
    comment.body = String(ctx.body.body)
    comment.updated = ctx.api.now()
    return ok(commentJson(ctx, comment))
  },

  'repos/list-deployments': (ctx) => {
    const filters = ['sha', 'ref', 'task', 'environment'] as const
    const deployments = ctx.repo.deployments
      .filter((d) =>
        filters.every((name) => {
          const wanted = ctx.query.get(name)
          return wanted === null || wanted === (name === 'environment' ? d.environment : d[name])
        })
      )
      .reverse()
    return page(
      ctx,
      deployments.map((d) => deploymentJson(ctx, d))
    )
  },
  'repos/create-deployment': (ctx) => {
    const ref = String(ctx.body.ref)
    const commit = /^[0-9a-f]{40}$/.test(ref) ? ref : ctx.repo.refs.get(ref)
    if (!commit) return validationFailed(`No ref found for: ${ref}`)
    const environment = (ctx.body.environment as string | undefined) ?? 'production'
    const now = ctx.api.now()
    const deployment: Deployment = {
      id: ctx.api.id(),
      sha: commit,
      ref,
      task: (ctx.body.task as string | undefined) ?? 'deploy',
      payload: ctx.body.payload ?? {},
      environment,
      originalEnvironment: environment,
      description: (ctx.body.description as string | null | undefined) ?? '',
      transient: ctx.body.transient_environment === true,
      production:
        (ctx.body.production_environment as boolean | undefined) ?? environment === 'production',
      creator: ctx.user,
      created: now,
      updated: now
    }
    ctx.repo.deployments.push(deployment)
    environmentNamed(ctx, environment)
    return { status: 201, body: deploymentJson(ctx, deployment) }
  },
  'repos/get-deployment': (ctx) => {
    const deployment = deploymentOf(ctx)
    return deployment ? ok(deploymentJson(ctx, deployment)) : notFound()
  },
  'repos/list-deployment-statuses': (ctx) => {
    const deployment = deploymentOf(ctx)
    if (!deployment) return notFound()
    const statuses = ctx.repo.statuses.filter((s) => s.deployment === deployment.id).reverse()
    return page(
      ctx,
      statuses.map((s) => statusJson(ctx, s, deployment))
    )
  },
  'repos/create-deployment-status': (ctx) => {
    const deployment = deploymentOf(ctx)
    if (!deployment) return notFound()
    const state = String(ctx.body.state)
    const status = addStatus(ctx, deployment, {
      state,
      description: (ctx.body.description as string | undefined) ?? '',
      targetUrl:
        (ctx.body.target_url as string | undefined) ??
        (ctx.body.log_url as string | undefined) ??
        '',
      logUrl:
        (ctx.body.log_url as string | undefined) ??
        (ctx.body.target_url as string | undefined) ??
        '',
      environmentUrl: (ctx.body.environment_url as string | undefined) ?? '',
      environment: (ctx.body.environment as string | undefined) ?? deployment.environment
    })
    if (status.environment !== deployment.environment) {
      deployment.environment = status.environment
      environmentNamed(ctx, status.environment)
    }
    // GitHub: with auto_inactive (the default), a success marks the earlier successful
    // deployments of the same environment inactive, unless they are transient or production.
    if (state === 'success' && ctx.body.auto_inactive !== false) {
      for (const earlier of ctx.repo.deployments) {
        if (earlier.id === deployment.id || earlier.environment !== deployment.environment) continue
        if (earlier.transient || earlier.production) continue
        if (latestState(ctx.repo, earlier.id) !== 'success') continue
        addStatus(ctx, earlier, {
          state: 'inactive',
          description: '',
          targetUrl: '',
          logUrl: '',
          environmentUrl: '',
          environment: earlier.environment
        })
      }
    }
    return { status: 201, body: statusJson(ctx, status, deployment) }
  },

  'repos/get-all-environments': (ctx) => {
    const all = ctx.repo.environments.map((e) => environmentJson(ctx, e))
    const reply = page(ctx, all)
    return { ...reply, body: { total_count: all.length, environments: reply.body } }
  },
  'repos/get-environment': (ctx) => {
    const found = ctx.repo.environments.find((e) => e.name === ctx.params.environment_name)
    return found ? ok(environmentJson(ctx, found)) : notFound()
  }
}

function ok(body: unknown): Reply {
  return { status: 200, body }
}

function error(message: string, status: number): Json {
  return { message, documentation_url: DOCS, status: String(status) }
}

function notFound(): Reply {
  return { status: 404, body: error('Not Found', 404) }
}

function validationFailed(message: string): Reply {
  return { status: 422, body: { message, documentation_url: DOCS, status: '422' } }
}

/** GitHub's pagination: `per_page` (default 30, at most 100), `page`, and a Link header. */
function page(ctx: Context, items: unknown[]): Reply {
  const perPage = Math.min(Number(ctx.query.get('per_page') ?? 30), 100)
  const current = Number(ctx.query.get('page') ?? 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number) => {
    const url = new URL(ctx.url)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(n))
    return url.toString()
  }
  const rels: string[] = []
  if (current > 1) rels.push(`<${link(current - 1)}>; rel="prev"`)
  if (current < last) rels.push(`<${link(current + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
  if (current > 1) rels.push(`<${link(1)}>; rel="first"`)
  return {
    status: 200,
    body: items.slice((current - 1) * perPage, current * perPage),
    headers: rels.length ? { link: rels.join(', ') } : {}
  }
}

function issueOf(ctx: Context): number | undefined {
  const issue = Number(ctx.params.issue_number)
  return ctx.repo.issues.has(issue) ? issue : undefined
}

function commentOf(ctx: Context): Comment | undefined {
  return ctx.repo.comments.find((c) => c.id === Number(ctx.params.comment_id))
}

function deploymentOf(ctx: Context): Deployment | undefined {
  return ctx.repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id))
}

function latestState(repo: RepositoryState, deployment: number): string | undefined {
  return repo.statuses.filter((s) => s.deployment === deployment).at(-1)?.state
}

function addStatus(
  ctx: Context,
  deployment: Deployment,
  fields: Omit<DeploymentStatus, 'id' | 'deployment' | 'creator' | 'created'>
): DeploymentStatus {
  const status: DeploymentStatus = {
    id: ctx.api.id(),
    deployment: deployment.id,
    creator: ctx.user,
    created: ctx.api.now(),
    ...fields
  }
  ctx.repo.statuses.push(status)
  deployment.updated = status.created
  return status
}

/** GitHub creates an environment the first time a deployment names it. */
function environmentNamed(ctx: Context, name: string): Environment {
  let found = ctx.repo.environments.find((e) => e.name === name)
  if (!found) {
    const now = ctx.api.now()
    found = { id: ctx.api.id(), name, created: now, updated: now }
    ctx.repo.environments.push(found)
  }
  return found
}

// ---- JSON shapes, as api.github.com sends them ------------------------------------------------

const WEB = 'https://github.com'

function repoPath(ctx: Context): string {
  return `/repos/${ctx.repo.owner.login}/${ctx.repo.name}`
}

function userJson(ctx: Context, user: User): Json {
  const url = ctx.api.apiUrl(`/users/${encodeURIComponent(user.login)}`)
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${WEB}/${user.type === 'Bot' ? 'apps/' : ''}${user.login.replace(/\[bot\]$/, '')}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

function commentJson(ctx: Context, comment: Comment): Json {
  const repo = repoPath(ctx)
  return {
    url: ctx.api.apiUrl(`${repo}/issues/comments/${comment.id}`),
    html_url: `${WEB}/${ctx.repo.owner.login}/${ctx.repo.name}/pull/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: ctx.api.apiUrl(`${repo}/issues/${comment.issue}`),
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: userJson(ctx, comment.user),
    created_at: comment.created,
    updated_at: comment.updated,
    author_association: 'NONE',
    body: comment.body,
    reactions: {
      url: ctx.api.apiUrl(`${repo}/issues/comments/${comment.id}/reactions`),
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    },
    performed_via_github_app: null
  }
}

function deploymentJson(ctx: Context, d: Deployment): Json {
  const url = ctx.api.apiUrl(`${repoPath(ctx)}/deployments/${d.id}`)
  return {
    url,
    id: d.id,
    node_id: nodeId('DE', d.id),
    task: d.task,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    created_at: d.created,
    updated_at: d.updated,
    statuses_url: `${url}/statuses`,
    repository_url: ctx.api.apiUrl(repoPath(ctx)),
    creator: userJson(ctx, d.creator),
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null
  }
}

function statusJson(ctx: Context, s: DeploymentStatus, d: Deployment): Json {
  const deploymentUrl = ctx.api.apiUrl(`${repoPath(ctx)}/deployments/${d.id}`)
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: userJson(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    log_url: s.logUrl,
    environment_url: s.environmentUrl,
    created_at: s.created,
    updated_at: s.created,
    deployment_url: deploymentUrl,
    repository_url: ctx.api.apiUrl(repoPath(ctx)),
    performed_via_github_app: null
  }
}

function environmentJson(ctx: Context, e: Environment): Json {
  return {
    id: e.id,
    node_id: nodeId('EN', e.id),
    name: e.name,
    url: ctx.api.apiUrl(`${repoPath(ctx)}/environments/${encodeURIComponent(e.name)}`),
    html_url: `${WEB}/${ctx.repo.owner.login}/${ctx.repo.name}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.created,
    updated_at: e.updated,
    protection_rules: [],
    deployment_branch_policy: null
  }
}

function repositoryJson(ctx: Context): Json {
  const r = ctx.repo
  const full = `${r.owner.login}/${r.name}`
  const api = ctx.api.apiUrl(`/repos/${full}`)
  const issues = r.issues.size
  return {
    id: r.id,
    node_id: nodeId('R', r.id),
    name: r.name,
    full_name: full,
    private: false,
    owner: userJson(ctx, r.owner),
    html_url: `${WEB}/${full}`,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: r.created,
    updated_at: r.created,
    pushed_at: r.created,
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `${WEB}/${full}.git`,
    svn_url: `${WEB}/${full}`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: issues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: 'public',
    forks: 0,
    open_issues: issues,
    watchers: 0,
    default_branch: r.defaultBranch,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    network_count: 0,
    subscribers_count: 0
  }
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`
}

/** A stable fake commit SHA for a ref name. */
function sha(ref: string): string {
  let hex = ''
  for (let i = 0; hex.length < 40; i++)
    hex += ((ref.charCodeAt(i % ref.length) * (i + 7)) % 256).toString(16).padStart(2, '0')
  return hex.slice(0, 40)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
