// A Kubernetes API double on loopback (HTTPS with a self-signed certificate made by openssl at
// start: kubectl and client-go send a bearer token only over TLS), with an in-memory object store. No API server can be
// installed here, so tests run this instead; it earns trust by being driven by the real kubectl
// (test/integration/kube-api-double.test.ts). It implements what kubectl 1.32 and
// @kubernetes/client-node send for the kinds slipway renders:
//
// - discovery: /version, /api, /apis, /api/v1, /apis/{group}/{version} (the legacy documents:
//   kubectl asks for aggregated discovery first and falls back when the answer is plain JSON);
// - /openapi/v3 and its group-version documents, holding only what kubectl reads from them before
//   an apply or create: that the PATCH operation of each kind takes the fieldValidation
//   parameter, so that kubectl leaves validation to the server (it sends fieldValidation=Strict).
//   No schemas: the double accepts and keeps unknown fields, it does not validate against the
//   OpenAPI schemas (slipway validates before it applies). /openapi/v2 answers 404;
// - get, list (labelSelector, fieldSelector on metadata.name and metadata.namespace, limit and
//   continue), watch (newline-delimited events from a resourceVersion), create, update, delete
//   (propagationPolicy accepted, deletion is immediate; a namespace takes its objects with it),
//   deletecollection, the status subresource; Table output when kubectl asks for it;
// - patch: server-side apply (application/apply-patch+yaml, fieldManager, force), JSON merge
//   patch, strategic merge patch (lists with a merge key merged by it) and JSON patch;
// - API defaults on write (the fields an API server adds that a manifest does not set), uid,
//   resourceVersion (one global counter), generation (bumped on a change outside metadata and
//   status), creationTimestamp and managedFields (FieldsV1);
// - a rollout controller for Deployments: after a change of generation, status goes to
//   observedGeneration, then all replicas updated, ready and available after `rolloutDelayMs`;
//   a Deployment whose image matches `faultyImages` never becomes ready and ends with
//   Progressing=False, reason ProgressDeadlineExceeded (right away instead of after
//   progressDeadlineSeconds). ReplicaSets and Pods are not created.
// - faults: `failNext(n, ...)` answers the next n requests 500 or 429 (with Retry-After), or
//   drops the connection.
//
// Server-side apply, simplified: each manager owns a set of field paths (leaves, and items of
// lists with a merge key). An apply replaces the manager's set with the fields of the applied
// config: fields it owned before and no longer applies are removed (unless another manager owns
// them), applied fields are set, lists without a merge key are atomic. A field that another
// manager owns with a different value is a conflict (409) unless force=true, which takes it over.
// Updates and non-apply patches give their manager the fields they changed. Unknown fields are
// kept, not rejected (fieldValidation is accepted and ignored).
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'

type Json = Record<string, unknown>

export interface ResourceType {
  group: string
  version: string
  /** Plural, as in the URL. */
  resource: string
  kind: string
  namespaced: boolean
  shortNames?: string[]
  /** Has a status subresource. */
  status?: boolean
  categories?: string[]
}

const ALL = ['all']
const rt = (
  groupVersion: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames?: string[],
  status = false,
  categories?: string[]
): ResourceType => {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion]
  return { group, version, resource, kind, namespaced, shortNames, status, categories }
}

export const RESOURCES: ResourceType[] = [
  rt('v1', 'namespaces', 'Namespace', false, ['ns'], true),
  rt('v1', 'configmaps', 'ConfigMap', true, ['cm']),
  rt('v1', 'secrets', 'Secret', true),
  rt('v1', 'services', 'Service', true, ['svc'], true, ALL),
  rt('v1', 'serviceaccounts', 'ServiceAccount', true, ['sa']),
  rt('v1', 'pods', 'Pod', true, ['po'], true, ALL),
  rt('v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true, ['pvc'], true),
  rt('apps/v1', 'deployments', 'Deployment', true, ['deploy'], true, ALL),
  rt('apps/v1', 'statefulsets', 'StatefulSet', true, ['sts'], true, ALL),
  rt('apps/v1', 'daemonsets', 'DaemonSet', true, ['ds'], true, ALL),
  rt('apps/v1', 'replicasets', 'ReplicaSet', true, ['rs'], true, ALL),
  rt('batch/v1', 'jobs', 'Job', true, undefined, true, ALL),
  rt('batch/v1', 'cronjobs', 'CronJob', true, ['cj'], true, ALL),
  rt('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true, ['pdb'], true),
  rt('networking.k8s.io/v1', 'ingresses', 'Ingress', true, ['ing'], true),
  rt('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', true, ['netpol']),
  rt('rbac.authorization.k8s.io/v1', 'roles', 'Role', true),
  rt('rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding', true),
  rt('rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', false),
  rt('rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  rt(
    'autoscaling/v2',
    'horizontalpodautoscalers',
    'HorizontalPodAutoscaler',
    true,
    ['hpa'],
    true,
    ALL
  )
]

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

export interface KubeApiOptions {
  /** Bearer tokens accepted; default one, see `token`. */
  tokens?: string[]
  /** How long the rollout controller takes to make a Deployment's replicas ready. */
  rolloutDelayMs?: number
  /** Images (matched against every container image) whose Deployments never become ready. */
  faultyImages?: RegExp[]
  /** Namespaces that exist from the start; default `default`, `kube-system`. */
  namespaces?: string[]
}

export interface RecordedRequest {
  method: string
  path: string
  query: string
  contentType?: string
  accept?: string
  userAgent?: string
  status: number
}

export interface Fault {
  /** 500 or 429 (sent with Retry-After: 1), or `drop` to close the connection unanswered. */
  kind: 500 | 429 | 'drop'
  /** Only requests whose path matches; default any request. */
  path?: RegExp
}

type Segment = string | { k: Json }
type PathKey = string

interface Owner {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  time: string
  subresource?: string
  paths: Set<PathKey>
}

interface Stored {
  type: ResourceType
  object: Json
  owners: Owner[]
}

interface WatchEvent {
  rv: number
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  typeKey: string
  object: Json
}

interface Watcher {
  typeKey: string
  namespace?: string
  matches: (o: Json) => boolean
  table: boolean
  res: ServerResponse
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Json
  ) {
    super(message)
  }
}

export class KubeApiDouble {
  readonly url: string
  readonly token: string
  rolloutDelayMs: number
  faultyImages: RegExp[]
  private readonly tokens: string[]
  private readonly server: Server
  private readonly store = new Map<string, Stored>()
  private readonly events: WatchEvent[] = []
  private readonly watchers = new Set<Watcher>()
  private readonly recorded: RecordedRequest[] = []
  private readonly unknown: string[] = []
  private readonly faults: Fault[] = []
  private readonly timers = new Set<NodeJS.Timeout>()
  private rv = 100

  /** The server's certificate (PEM), the kubeconfig's certificate-authority-data. */
  readonly ca: string

  private constructor(server: Server, ca: string, options: KubeApiOptions) {
    this.server = server
    this.ca = ca
    this.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
    this.tokens = options.tokens ?? ['slipway-kube-double-token-0001']
    this.token = this.tokens[0]
    this.rolloutDelayMs = options.rolloutDelayMs ?? 50
    this.faultyImages = options.faultyImages ?? []
    for (const ns of options.namespaces ?? ['default', 'kube-system']) {
      this.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
    }
  }

  static async start(options: KubeApiOptions = {}): Promise<KubeApiDouble> {
    const { key: tlsKey, cert } = selfSignedCertificate()
    const server = createServer({ key: tlsKey, cert }) as unknown as Server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
    const api = new KubeApiDouble(server, cert, options)
    server.on('request', (req, res) => void api.handle(req, res))
    return api
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    for (const w of this.watchers) w.res.end()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /**
   * A kubeconfig for the double: cluster, user (bearer token) and context all named `double`,
   * plus `extraContexts` (name to namespace) on the same cluster. Returns the file.
   */
  writeKubeconfig(
    file: string,
    options: { token?: string; namespace?: string; extraContexts?: Record<string, string> } = {}
  ): string {
    const contexts = [
      { name: 'double', namespace: options.namespace },
      ...Object.entries(options.extraContexts ?? {}).map(([name, namespace]) => ({
        name,
        namespace
      }))
    ]
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'double',
          cluster: {
            server: this.url,
            'certificate-authority-data': Buffer.from(this.ca).toString('base64')
          }
        }
      ],
      users: [{ name: 'double', user: { token: options.token ?? this.token } }],
      contexts: contexts.map((c) => ({
        name: c.name,
        context: {
          cluster: 'double',
          user: 'double',
          ...(c.namespace ? { namespace: c.namespace } : {})
        }
      })),
      'current-context': 'double'
    }
    writeFileSync(file, JSON.stringify(config, null, 2))
    return file
  }

  requests(): RecordedRequest[] {
    return [...this.recorded]
  }

  /** Requests to paths the double does not know (answered 404 as a real server would). */
  unknownPaths(): string[] {
    return [...this.unknown]
  }

  /** The next `count` requests (matching `fault.path`) fail as `fault.kind` says. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault)
  }

  /** An object as stored, or undefined. */
  get(apiVersion: string, kind: string, name: string, namespace?: string): Json | undefined {
    const type = this.typeOfKind(apiVersion, kind)
    const stored = this.store.get(key(type, type.namespaced ? namespace : undefined, name))
    return stored && clone(stored.object)
  }

  /** Stores an object directly (as a test's starting state), with defaults and metadata. */
  put(object: Json, manager = 'test-setup'): Json {
    const type = this.typeOfKind(String(object.apiVersion), String(object.kind))
    const meta = object.metadata as Json
    const namespace = type.namespaced ? String(meta.namespace ?? 'default') : undefined
    const existing = this.store.get(key(type, namespace, String(meta.name)))
    const next = clone(object)
    if (namespace) (next.metadata as Json).namespace = namespace
    return this.write(type, existing, next, { manager, operation: 'Update' }).object
  }

  // ---- request handling -------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      contentType: req.headers['content-type'],
      accept: req.headers.accept,
      userAgent: req.headers['user-agent'],
      status: 0
    }
    this.recorded.push(record)
    const raw = await readBody(req)
    const faultAt = this.faults.findIndex((f) => !f.path || f.path.test(url.pathname))
    if (faultAt >= 0) {
      const [fault] = this.faults.splice(faultAt, 1)
      if (fault.kind === 'drop') {
        record.status = -1
        req.socket.destroy()
        return
      }
      record.status = fault.kind
      const [reason, message] =
        fault.kind === 429
          ? [
              'TooManyRequests',
              'the server has received too many requests and has asked us to try again later'
            ]
          : ['InternalError', 'Internal error occurred: injected fault']
      sendJson(
        res,
        fault.kind,
        statusObject(fault.kind, reason, message),
        fault.kind === 429 ? { 'Retry-After': '1' } : {}
      )
      return
    }
    if (!this.authorized(req)) {
      record.status = 401
      sendJson(res, 401, statusObject(401, 'Unauthorized', 'Unauthorized'))
      return
    }
    try {
      const contentType = req.headers['content-type'] ?? ''
      if (/protobuf|cbor/.test(contentType)) {
        // JSON only: client-go then sends the request again as JSON.
        throw new ApiError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`
        )
      }
      const reply = this.route(req, url, raw, res)
      if (reply === 'streaming') {
        record.status = 200
        return
      }
      record.status = reply.status
      sendJson(res, reply.status, reply.body)
    } catch (error) {
      const e =
        error instanceof ApiError
          ? error
          : new ApiError(500, 'InternalError', `Internal error occurred: ${String(error)}`)
      record.status = e.code
      sendJson(res, e.code, statusObject(e.code, e.reason, e.message, e.details))
    }
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer (.+)$/.exec(header)
    return match !== null && this.tokens.includes(match[1])
  }

  private route(
    req: IncomingMessage,
    url: URL,
    raw: string,
    res: ServerResponse
  ): { status: number; body: unknown } | 'streaming' {
    const method = req.method ?? 'GET'
    const p = url.pathname.replace(/\/+$/, '') || '/'
    if (method === 'GET') {
      if (p === '/version') return { status: 200, body: VERSION }
      if (p === '/api') {
        return {
          status: 200,
          body: {
            kind: 'APIVersions',
            versions: ['v1'],
            serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: url.host }]
          }
        }
      }
      if (p === '/apis') return { status: 200, body: groupList() }
      if (p === '/openapi/v3') return { status: 200, body: openApiRoot() }
      const doc = /^\/openapi\/v3\/(api\/v1|apis\/[^/]+\/[^/]+)$/.exec(p)
      if (doc) {
        const body = openApiGroupVersion(doc[1])
        if (body) return { status: 200, body }
      }
      if (p === '/api/v1') return { status: 200, body: resourceList('', 'v1') }
      const gv = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p)
      if (gv) {
        const list = resourceList(gv[1], gv[2])
        if (list) return { status: 200, body: list }
      }
      const group = /^\/apis\/([^/]+)$/.exec(p)
      if (group) {
        const g = groupList().groups.find((x) => x.name === group[1])
        if (g) return { status: 200, body: { kind: 'APIGroup', apiVersion: 'v1', ...g } }
      }
    }
    const target = this.parseResourcePath(p)
    if (!target) {
      this.unknown.push(`${method} ${p}`)
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource')
    }
    const { type, namespace, name, subresource } = target
    const query = url.searchParams
    const table = /as=Table/.test(req.headers.accept ?? '')
    if (subresource && (subresource !== 'status' || !type.status)) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource')
    }
    if (method === 'GET' && !name) {
      if (query.get('watch') === '1' || query.get('watch') === 'true') {
        this.watch(type, namespace, query, table, res)
        return 'streaming'
      }
      return { status: 200, body: this.list(type, namespace, query, table) }
    }
    if (method === 'GET' && name) {
      const stored = this.mustGet(type, namespace, name)
      return {
        status: 200,
        body: table ? this.table(type, [stored.object]) : this.output(stored)
      }
    }
    if (method === 'POST' && !name && !subresource) {
      return { status: 201, body: this.create(type, namespace, parseBody(raw), query) }
    }
    if (method === 'PUT' && name) {
      return {
        status: 200,
        body: this.update(type, namespace, name, parseBody(raw), query, subresource)
      }
    }
    if (method === 'PATCH' && name) {
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim()
      return this.patch(type, namespace, name, contentType, raw, query, subresource)
    }
    if (method === 'DELETE' && name && !subresource) {
      return { status: 200, body: this.remove(type, namespace, name, query, raw) }
    }
    if (method === 'DELETE' && !name) {
      const items = this.select(type, namespace, query)
      for (const s of items)
        this.remove(
          type,
          metaOf(s.object).namespace as string,
          String(metaOf(s.object).name),
          query,
          ''
        )
      return {
        status: 200,
        body: {
          kind: listKind(type),
          apiVersion: apiVersionOf(type),
          metadata: { resourceVersion: String(this.rv) },
          items: items.map((s) => this.itemOf(s, false))
        }
      }
    }
    throw new ApiError(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource`
    )
  }

  /** /api/v1/namespaces/ns/services/name/status, /apis/apps/v1/deployments, ... */
  private parseResourcePath(
    p: string
  ): { type: ResourceType; namespace?: string; name?: string; subresource?: string } | undefined {
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(p)
    if (!m) return undefined
    const group = m[1] ? '' : m[2]
    const version = m[1] ?? m[3]
    let parts = m[4].split('/')
    let namespace: string | undefined
    if (parts[0] === 'namespaces' && parts.length >= 3) {
      const inner = RESOURCES.find(
        (r) => r.group === group && r.version === version && r.resource === parts[2] && r.namespaced
      )
      if (inner) {
        namespace = parts[1]
        parts = parts.slice(2)
      }
    }
    const type = RESOURCES.find(
      (r) => r.group === group && r.version === version && r.resource === parts[0]
    )
    if (!type || parts.length > 3) return undefined
    if (!type.namespaced && namespace) return undefined
    return { type, namespace, name: parts[1], subresource: parts[2] }
  }

  // ---- verbs ------------------------------------------------------------------------------

  private mustGet(type: ResourceType, namespace: string | undefined, name: string): Stored {
    const stored = this.store.get(key(type, namespace, name))
    if (!stored) throw notFound(type, name)
    return stored
  }

  private select(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams
  ): Stored[] {
    const matches = selectorOf(query)
    return [...this.store.values()]
      .filter((s) => s.type === type)
      .filter((s) => !namespace || metaOf(s.object).namespace === namespace)
      .filter((s) => matches(s.object))
      .sort((a, b) => sortKey(a.object).localeCompare(sortKey(b.object)))
  }

  private list(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
    table: boolean
  ): Json {
    let items = this.select(type, namespace, query)
    const limit = Number(query.get('limit') ?? 0)
    const start = query.get('continue')
      ? Number(Buffer.from(query.get('continue')!, 'base64').toString())
      : 0
    const metadata: Json = { resourceVersion: String(this.rv) }
    if (limit > 0) {
      const rest = items.length - start - limit
      items = items.slice(start, start + limit)
      if (rest > 0) {
        metadata.continue = Buffer.from(String(start + limit)).toString('base64')
        metadata.remainingItemCount = rest
      }
    } else if (start) {
      items = items.slice(start)
    }
    if (table)
      return this.table(
        type,
        items.map((s) => s.object),
        metadata
      )
    return {
      kind: listKind(type),
      apiVersion: apiVersionOf(type),
      metadata,
      items: items.map((s) => this.itemOf(s, false))
    }
  }

  private watch(
    type: ResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
    table: boolean,
    res: ServerResponse
  ): void {
    const matches = selectorOf(query)
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' })
    // The headers now: clients wait for them before they read events.
    res.flushHeaders()
    const watcher: Watcher = { typeKey: typeKeyOf(type), namespace, matches, table, res }
    const send = (type: string, object: Json) =>
      res.write(JSON.stringify({ type, object: this.watchObject(watcher, object) }) + '\n')
    const from = Number(query.get('resourceVersion') ?? 0)
    if (from > 0) {
      for (const e of this.events) {
        if (e.rv > from && e.typeKey === watcher.typeKey && this.watched(watcher, e.object))
          send(e.type, e.object)
      }
    } else {
      for (const s of this.select(type, namespace, query)) send('ADDED', this.itemOf(s))
    }
    this.watchers.add(watcher)
    const timeout = Number(query.get('timeoutSeconds') ?? 0)
    const timer = timeout > 0 ? setTimeout(() => res.end(), timeout * 1000) : undefined
    if (timer) this.timers.add(timer)
    res.on('close', () => {
      this.watchers.delete(watcher)
      if (timer) {
        clearTimeout(timer)
        this.timers.delete(timer)
      }
    })
  }

  private watched(w: Watcher, object: Json): boolean {
    return (!w.namespace || metaOf(object).namespace === w.namespace) && w.matches(object)
  }

  private watchObject(w: Watcher, object: Json): Json {
    if (!w.table) return object
    const type = RESOURCES.find((r) => typeKeyOf(r) === w.typeKey)!
    return this.table(type, [object])
  }

  private create(
    type: ResourceType,
    namespace: string | undefined,
    body: Json,
    query: URLSearchParams
  ): Json {
    this.checkKind(type, body)
    const meta = metaOf(body)
    if (!meta.name && typeof meta.generateName === 'string') {
      meta.name = `${meta.generateName}${randomUUID().slice(0, 5)}`
    }
    const name = this.checkName(type, body, namespace)
    const ns = type.namespaced
      ? (namespace ?? (meta.namespace as string | undefined) ?? 'default')
      : undefined
    if (ns) meta.namespace = ns
    if (this.store.has(key(type, ns, name))) {
      throw new ApiError(
        409,
        'AlreadyExists',
        `${qualified(type)} "${name}" already exists`,
        detailsOf(type, name)
      )
    }
    const manager = query.get('fieldManager') ?? managerFromAgent(undefined)
    const dryRun = query.get('dryRun') === 'All'
    return this.output(this.write(type, undefined, body, { manager, operation: 'Update' }, dryRun))
  }

  private update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: Json,
    query: URLSearchParams,
    subresource?: string
  ): Json {
    this.checkKind(type, body)
    const existing = this.mustGet(type, namespace, name)
    if (metaOf(body).name !== name) {
      throw invalid(
        type,
        name,
        `metadata.name: Invalid value: "${String(metaOf(body).name)}": field is immutable`
      )
    }
    const rv = metaOf(body).resourceVersion
    if (rv !== undefined && rv !== metaOf(existing.object).resourceVersion)
      throw conflict(type, name)
    let next: Json
    if (subresource === 'status') {
      next = clone(existing.object)
      next.status = clone(body.status)
    } else {
      next = clone(body)
      next.status = clone(existing.object.status)
      if (namespace) metaOf(next).namespace = namespace
    }
    const manager = query.get('fieldManager') ?? 'kubectl-replace'
    return this.output(
      this.write(
        type,
        existing,
        next,
        { manager, operation: 'Update', subresource },
        query.get('dryRun') === 'All'
      )
    )
  }

  private patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    contentType: string,
    raw: string,
    query: URLSearchParams,
    subresource?: string
  ): { status: number; body: unknown } {
    const dryRun = query.get('dryRun') === 'All'
    const existing = this.store.get(key(type, namespace, name))
    if (contentType === 'application/apply-patch+yaml') {
      const manager = query.get('fieldManager')
      if (!manager) {
        throw new ApiError(
          422,
          'Invalid',
          'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'
        )
      }
      let applied: Json
      try {
        applied = parseYaml(raw) as Json
      } catch (error) {
        throw new ApiError(400, 'BadRequest', `error decoding YAML: ${String(error)}`)
      }
      if (!isObject(applied))
        throw new ApiError(400, 'BadRequest', 'the body of an apply patch must be an object')
      this.checkKind(type, applied)
      const appliedName = metaOf(applied).name
      if (appliedName !== name) {
        throw new ApiError(
          400,
          'BadRequest',
          `the name of the object (${String(appliedName)}) does not match the name on the URL (${name})`
        )
      }
      const appliedNs = metaOf(applied).namespace
      if (namespace && appliedNs && appliedNs !== namespace) {
        throw new ApiError(
          400,
          'BadRequest',
          'the namespace of the provided object does not match the namespace sent on the request'
        )
      }
      if (subresource === 'status')
        applied = {
          apiVersion: applied.apiVersion,
          kind: applied.kind,
          metadata: { name },
          status: applied.status
        }
      const force = query.get('force') === 'true'
      const result = this.apply(
        type,
        existing,
        namespace,
        applied,
        manager,
        force,
        dryRun,
        subresource
      )
      return { status: existing ? 200 : 201, body: this.output(result) }
    }
    if (!existing) throw notFound(type, name)
    let patch: unknown
    try {
      patch = JSON.parse(raw)
    } catch (error) {
      throw new ApiError(400, 'BadRequest', `error decoding patch: ${String(error)}`)
    }
    let next: Json
    if (contentType === 'application/merge-patch+json')
      next = mergePatch(existing.object, patch) as Json
    else if (contentType === 'application/strategic-merge-patch+json')
      next = strategicMerge(existing.object, patch, '') as Json
    else if (contentType === 'application/json-patch+json') next = jsonPatch(existing.object, patch)
    else
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`
      )
    if (subresource === 'status') {
      const status = next.status
      next = clone(existing.object)
      next.status = status
    } else {
      next.status = clone(existing.object.status)
    }
    const manager = query.get('fieldManager') ?? 'kubectl-patch'
    return {
      status: 200,
      body: this.output(
        this.write(type, existing, next, { manager, operation: 'Update', subresource }, dryRun)
      )
    }
  }

  private apply(
    type: ResourceType,
    existing: Stored | undefined,
    namespace: string | undefined,
    applied: Json,
    manager: string,
    force: boolean,
    dryRun: boolean,
    subresource?: string
  ): Stored {
    const name = String(metaOf(applied).name)
    const appliedPaths = pathsOf(applied)
    appliedPaths.delete(JSON.stringify(['apiVersion']))
    appliedPaths.delete(JSON.stringify(['kind']))
    appliedPaths.delete(JSON.stringify(['metadata', 'name']))
    appliedPaths.delete(JSON.stringify(['metadata', 'namespace']))
    const owner: Owner = {
      manager,
      operation: 'Apply',
      apiVersion: apiVersionOf(type),
      time: now(),
      subresource,
      paths: appliedPaths
    }
    if (!existing) {
      if (subresource) throw notFound(type, name)
      const object = clone(applied)
      if (namespace) metaOf(object).namespace = namespace
      delete object.status
      this.checkName(type, object, namespace)
      return this.write(type, undefined, object, owner, dryRun)
    }
    const live = existing.object
    const candidate = defaulted(type, clone(applied))
    const conflicts: { manager: string; apiVersion: string; path: Segment[] }[] = []
    for (const other of existing.owners) {
      if (other.manager === manager && other.operation === 'Apply') continue
      if ((other.subresource ?? '') !== (subresource ?? '')) continue
      for (const p of appliedPaths) {
        if (!other.paths.has(p)) continue
        const segments = JSON.parse(p) as Segment[]
        if (
          !sameJson(
            valueAt(live, segments),
            valueAt(candidate, segments) ?? valueAt(applied, segments)
          )
        ) {
          conflicts.push({ manager: other.manager, apiVersion: other.apiVersion, path: segments })
        }
      }
    }
    if (conflicts.length > 0 && !force) {
      const causes = conflicts.map((c) => ({
        type: 'FieldManagerConflict',
        message: `conflict with "${c.manager}" using ${c.apiVersion}`,
        field: fieldText(c.path)
      }))
      const list = causes.map((c) => `${c.message}: ${c.field}`)
      const message =
        conflicts.length === 1
          ? `Apply failed with 1 conflict: ${list[0]}`
          : `Apply failed with ${conflicts.length} conflicts: ${list.join('\n')}`
      throw new ApiError(409, 'Conflict', message, { ...detailsOf(type, name), causes })
    }
    const owners = existing.owners.map((o) => ({ ...o, paths: new Set(o.paths) }))
    if (force)
      for (const c of conflicts)
        for (const o of owners) if (o.manager !== manager) o.paths.delete(JSON.stringify(c.path))
    const previous = owners.find(
      (o) =>
        o.manager === manager &&
        o.operation === 'Apply' &&
        (o.subresource ?? '') === (subresource ?? '')
    )
    const next = clone(live)
    if (previous) {
      const removed = [...previous.paths]
        .filter((p) => !appliedPaths.has(p))
        .filter((p) => !owners.some((o) => o !== previous && o.paths.has(p)))
        .map((p) => JSON.parse(p) as Segment[])
        .sort((a, b) => b.length - a.length)
      for (const segments of removed) deleteAt(next, segments)
    }
    overlay(next, applied, '')
    const kept = owners.filter((o) => o !== previous)
    return this.write(type, { ...existing, owners: kept }, next, owner, dryRun)
  }

  private remove(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    query: URLSearchParams,
    raw: string
  ): Json {
    const stored = this.mustGet(type, namespace, name)
    let dryRun = query.get('dryRun') === 'All'
    if (raw.trim()) {
      const options = parseBody(raw)
      const policy = options.propagationPolicy
      if (
        policy !== undefined &&
        !['Orphan', 'Background', 'Foreground'].includes(String(policy))
      ) {
        throw new ApiError(
          422,
          'Invalid',
          `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan", "nil"`
        )
      }
      if (Array.isArray(options.dryRun) && options.dryRun.includes('All')) dryRun = true
    }
    const policy = query.get('propagationPolicy')
    if (policy && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
      throw new ApiError(422, 'Invalid', `propagationPolicy: Unsupported value: "${policy}"`)
    }
    if (!dryRun) {
      if (type.kind === 'Namespace') {
        for (const [k, s] of this.store) {
          if (s.type.namespaced && metaOf(s.object).namespace === name) {
            this.store.delete(k)
            this.emit('DELETED', s)
          }
        }
      }
      this.store.delete(key(type, namespace, name))
      this.rv++
      metaOf(stored.object).resourceVersion = String(this.rv)
      this.emit('DELETED', stored)
    }
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, group: type.group, kind: type.resource, uid: metaOf(stored.object).uid }
    }
  }

  // ---- storage ----------------------------------------------------------------------------

  /**
   * Stores `object` as the new state of `existing` (or a new object): defaults, metadata,
   * generation, resourceVersion, managed fields, a watch event, the rollout controller.
   */
  private write(
    type: ResourceType,
    existing: Stored | undefined,
    object: Json,
    owner: Omit<Owner, 'paths' | 'time' | 'apiVersion'> & Partial<Owner>,
    dryRun = false
  ): Stored {
    const meta = metaOf(object)
    const name = String(meta.name)
    const namespace = type.namespaced ? String(meta.namespace) : undefined
    if (namespace && !existing && !this.store.has(key(nsType(), undefined, namespace))) {
      throw new ApiError(404, 'NotFound', `namespaces "${namespace}" not found`, {
        name: namespace,
        kind: 'namespaces'
      })
    }
    object.apiVersion = apiVersionOf(type)
    object.kind = type.kind
    const next = defaulted(type, object)
    this.validate(type, next)
    const old = existing?.object
    const nm = metaOf(next)
    for (const field of [
      'uid',
      'creationTimestamp',
      'generation',
      'resourceVersion',
      'managedFields',
      'deletionTimestamp'
    ])
      delete nm[field]
    if (!type.namespaced) delete nm.namespace
    nm.uid = old ? metaOf(old).uid : randomUUID()
    nm.creationTimestamp = old ? metaOf(old).creationTimestamp : now()
    const specChanged = !old || !sameJson(withoutMetaStatus(old), withoutMetaStatus(next))
    const hasGeneration = 'spec' in next || type.kind === 'Deployment'
    const oldGeneration = old ? Number(metaOf(old).generation ?? 0) : 0
    if (hasGeneration && type.kind !== 'Namespace')
      nm.generation = specChanged ? oldGeneration + 1 : oldGeneration
    const owners = (existing?.owners ?? []).map((o) => ({ ...o, paths: new Set(o.paths) }))
    const fullOwner: Owner = {
      apiVersion: apiVersionOf(type),
      time: now(),
      paths: new Set<PathKey>(),
      ...owner
    }
    if (owner.operation === 'Update') {
      const changed = changedPaths(old, next)
      for (const o of owners) for (const p of changed) o.paths.delete(p)
      const same = owners.find(
        (o) =>
          o.manager === owner.manager &&
          o.operation === 'Update' &&
          (o.subresource ?? '') === (owner.subresource ?? '')
      )
      if (same) {
        for (const p of changed) same.paths.add(p)
        same.time = fullOwner.time
      } else if (changed.size > 0) {
        fullOwner.paths = changed
        owners.push(fullOwner)
      }
    } else {
      owners.push(fullOwner)
    }
    const kept = owners.filter((o) => o.paths.size > 0 || o.subresource === 'status')
    const unchanged =
      old && sameJson(stripServer(old), stripServer(next)) && sameOwners(existing!.owners, kept)
    if (unchanged) {
      return existing!
    }
    this.rv++
    nm.resourceVersion = String(this.rv)
    nm.managedFields = kept.map(managedField)
    const stored: Stored = { type, object: next, owners: kept }
    if (dryRun) return stored
    this.store.set(key(type, namespace, name), stored)
    this.emit(old ? 'MODIFIED' : 'ADDED', stored)
    if (type.kind === 'Deployment' && specChanged) this.startRollout(stored)
    return stored
  }

  private emit(type: WatchEvent['type'], stored: Stored): void {
    const object = this.itemOf(stored, true)
    const event: WatchEvent = { rv: this.rv, type, typeKey: typeKeyOf(stored.type), object }
    this.events.push(event)
    if (this.events.length > 10_000) this.events.shift()
    for (const w of this.watchers) {
      if (w.typeKey === event.typeKey && this.watched(w, object)) {
        w.res.write(JSON.stringify({ type, object: this.watchObject(w, object) }) + '\n')
      }
    }
  }

  private output(stored: Stored): Json {
    return clone(stored.object)
  }

  /** An object as a list item (or a watch event): with kind and apiVersion, as JSON lists from the server carry them. */
  private itemOf(stored: Stored, withKind = true): Json {
    const object = clone(stored.object)
    if (!withKind) {
      delete object.kind
      delete object.apiVersion
    }
    return object
  }

  private validate(type: ResourceType, object: Json): void {
    const name = String(metaOf(object).name)
    if (type.kind === 'Deployment') {
      const spec = (object.spec ?? {}) as Json
      const selector = ((spec.selector as Json | undefined)?.matchLabels ?? {}) as Json
      const labels = (((spec.template as Json | undefined)?.metadata as Json | undefined)?.labels ??
        {}) as Json
      if (!spec.selector) throw invalid(type, name, 'spec.selector: Required value')
      const mismatch = Object.entries(selector).some(([k, v]) => labels[k] !== v)
      if (mismatch || Object.keys(selector).length === 0) {
        throw invalid(
          type,
          name,
          `spec.template.metadata.labels: Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``
        )
      }
    }
    const pod = podSpecOf(object)
    if (pod) {
      const containers = pod.containers
      if (!Array.isArray(containers) || containers.length === 0) {
        throw invalid(type, name, `${podPath(type)}.containers: Required value`)
      }
      containers.forEach((c: Json, i) => {
        if (!c.image)
          throw invalid(type, name, `${podPath(type)}.containers[${i}].image: Required value`)
      })
    }
  }

  private checkKind(type: ResourceType, body: Json): void {
    if (body.kind !== type.kind || body.apiVersion !== apiVersionOf(type)) {
      throw new ApiError(
        400,
        'BadRequest',
        `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${apiVersionOf(type)})`
      )
    }
  }

  private checkName(type: ResourceType, body: Json, namespace?: string): string {
    const meta = metaOf(body)
    const name = meta.name
    if (typeof name !== 'string' || name === '') {
      throw invalid(type, '', 'metadata.name: Required value: name or generateName is required')
    }
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
      throw invalid(
        type,
        name,
        `metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`
      )
    }
    if (namespace && meta.namespace && meta.namespace !== namespace) {
      throw new ApiError(
        400,
        'BadRequest',
        'the namespace of the provided object does not match the namespace sent on the request'
      )
    }
    return name
  }

  private typeOfKind(apiVersion: string, kind: string): ResourceType {
    const type = RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind)
    if (!type) throw new Error(`the Kubernetes API double has no ${apiVersion} ${kind}`)
    return type
  }

  // ---- rollout controller -----------------------------------------------------------------

  private startRollout(stored: Stored): void {
    const meta = metaOf(stored.object)
    const target = key(stored.type, String(meta.namespace), String(meta.name))
    const generation = Number(meta.generation)
    const faulty = this.isFaulty(stored.object)
    const step = (fn: (d: Json, replicas: number, rs: string) => void) => () => {
      const current = this.store.get(target)
      if (!current || Number(metaOf(current.object).generation) !== generation) return
      const next = clone(current.object)
      const spec = next.spec as Json
      const replicas = Number(spec.replicas ?? 1)
      const rs = `${String(meta.name)}-${hashOf(JSON.stringify(spec.template)).slice(0, 10)}`
      fn(next, replicas, rs)
      this.write(stored.type, current, next, {
        manager: 'kube-controller-manager',
        operation: 'Update',
        subresource: 'status'
      })
    }
    const observed = step((d, replicas, rs) => {
      const old = (d.status ?? {}) as Json
      const available = Math.min(Number(old.availableReplicas ?? 0), replicas)
      d.status = {
        observedGeneration: generation,
        replicas,
        updatedReplicas: 0,
        ...(available ? { readyReplicas: available, availableReplicas: available } : {}),
        ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
        conditions: [
          condition(
            'Available',
            available >= replicas ? 'True' : 'False',
            available >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
            available >= replicas
              ? 'Deployment has minimum availability.'
              : 'Deployment does not have minimum availability.'
          ),
          condition(
            'Progressing',
            'True',
            'ReplicaSetUpdated',
            `ReplicaSet "${rs}" is progressing.`
          )
        ]
      }
    })
    const finished = step((d, replicas, rs) => {
      const status = d.status as Json
      if (faulty) {
        status.updatedReplicas = replicas
        status.conditions = [
          (status.conditions as Json[])[0],
          condition(
            'Progressing',
            'False',
            'ProgressDeadlineExceeded',
            `ReplicaSet "${rs}" has timed out progressing.`
          )
        ]
        return
      }
      d.status = {
        observedGeneration: generation,
        replicas,
        updatedReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          condition(
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.'
          ),
          condition(
            'Progressing',
            'True',
            'NewReplicaSetAvailable',
            `ReplicaSet "${rs}" has successfully progressed.`
          )
        ]
      }
    })
    this.later(observed, 0)
    this.later(finished, this.rolloutDelayMs)
  }

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    this.timers.add(timer)
  }

  private isFaulty(object: Json): boolean {
    const pod = podSpecOf(object)
    const images = [
      ...((pod?.containers as Json[]) ?? []),
      ...((pod?.initContainers as Json[]) ?? [])
    ].map((c) => String(c.image))
    return images.some((image) => this.faultyImages.some((re) => re.test(image)))
  }

  // ---- Table output -----------------------------------------------------------------------

  private table(
    type: ResourceType,
    objects: Json[],
    metadata: Json = { resourceVersion: String(this.rv) }
  ): Json {
    const columns: [string, string, (o: Json) => unknown][] = [
      ['Name', 'string', (o) => metaOf(o).name]
    ]
    if (type.kind === 'Deployment') {
      const st = (o: Json) => (o.status ?? {}) as Json
      columns.push(
        [
          'Ready',
          'string',
          (o) => `${Number(st(o).readyReplicas ?? 0)}/${Number((o.spec as Json).replicas ?? 1)}`
        ],
        ['Up-to-date', 'integer', (o) => Number(st(o).updatedReplicas ?? 0)],
        ['Available', 'integer', (o) => Number(st(o).availableReplicas ?? 0)]
      )
    }
    if (type.kind === 'Namespace')
      columns.push(['Status', 'string', (o) => (o.status as Json | undefined)?.phase ?? 'Active'])
    columns.push(['Age', 'string', (o) => age(String(metaOf(o).creationTimestamp))])
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      columnDefinitions: columns.map(([name, t]) => ({
        name,
        type: t,
        format: name === 'Name' ? 'name' : '',
        description: name,
        priority: 0
      })),
      rows: objects.map((o) => ({
        cells: columns.map(([, , f]) => f(o)),
        object: {
          kind: 'PartialObjectMetadata',
          apiVersion: 'meta.k8s.io/v1',
          metadata: metaOf(clone(o))
        }
      }))
    }
  }
}

const OPENAPI_HASH = 'slipwaydouble0001'

function openApiRoot(): Json {
  const paths: Json = {}
  for (const gv of new Set(
    RESOURCES.map((r) => (r.group ? `apis/${r.group}/${r.version}` : 'api/v1'))
  )) {
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${OPENAPI_HASH}` }
  }
  return { paths }
}

function openApiGroupVersion(prefix: string): Json | undefined {
  const types = RESOURCES.filter(
    (r) => (r.group ? `apis/${r.group}/${r.version}` : 'api/v1') === prefix
  )
  if (types.length === 0) return undefined
  const query = (name: string) => ({
    name,
    in: 'query',
    schema: { type: 'string', uniqueItems: true }
  })
  const paths: Json = {}
  for (const r of types) {
    const gvk = { group: r.group, version: r.version, kind: r.kind }
    const base = `/${prefix}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`
    const operation = (verb: string) => ({
      operationId: `${verb}${r.kind}`,
      'x-kubernetes-action': verb,
      'x-kubernetes-group-version-kind': gvk,
      parameters: [
        'dryRun',
        'fieldManager',
        'fieldValidation',
        ...(verb === 'patch' ? ['force'] : [])
      ].map(query),
      responses: { '200': { description: 'OK' } }
    })
    paths[base] = { post: operation('post') }
    paths[`${base}/{name}`] = { put: operation('put'), patch: operation('patch') }
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: VERSION.gitVersion },
    paths,
    components: { schemas: {} }
  }
}

let certificate: { key: string; cert: string } | undefined

/** A key and a certificate for 127.0.0.1, made once per process. */
function selfSignedCertificate(): { key: string; cert: string } {
  if (certificate) return certificate
  const dir = mkdtempSync(path.join(os.tmpdir(), 'slipway-kube-tls-'))
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1'
      ],
      { stdio: 'ignore' }
    )
    certificate = {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8')
    }
    return certificate
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---- discovery ------------------------------------------------------------------------------

const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-slipway-double',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64'
}

function groupList() {
  const names = [...new Set(RESOURCES.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))]
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: names.map((gv) => {
      const [name, version] = gv.split('/')
      const v = { groupVersion: gv, version }
      return { name, versions: [v], preferredVersion: v }
    })
  }
}

function resourceList(group: string, version: string): Json | undefined {
  const types = RESOURCES.filter((r) => r.group === group && r.version === version)
  if (types.length === 0) return undefined
  const resources: Json[] = []
  for (const r of types) {
    resources.push({
      name: r.resource,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
      storageVersionHash: hashOf(`${group}/${version}/${r.kind}`).slice(0, 11)
    })
    if (r.status) {
      resources.push({
        name: `${r.resource}/status`,
        singularName: '',
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: ['get', 'patch', 'update']
      })
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources
  }
}

// ---- helpers --------------------------------------------------------------------------------

function nsType(): ResourceType {
  return RESOURCES[0]
}

function key(type: ResourceType, namespace: string | undefined, name: string): string {
  return `${typeKeyOf(type)}|${namespace ?? ''}|${name}`
}

function typeKeyOf(type: ResourceType): string {
  return `${type.group}/${type.resource}`
}

function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version
}

function listKind(type: ResourceType): string {
  return `${type.kind}List`
}

function qualified(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource
}

function detailsOf(type: ResourceType, name: string): Json {
  return { name, ...(type.group ? { group: type.group } : {}), kind: type.resource }
}

function notFound(type: ResourceType, name: string): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${qualified(type)} "${name}" not found`,
    detailsOf(type, name)
  )
}

function conflict(type: ResourceType, name: string): ApiError {
  return new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsOf(type, name)
  )
}

function invalid(type: ResourceType, name: string, cause: string): ApiError {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind
  const field = cause.slice(0, cause.indexOf(':'))
  return new ApiError(422, 'Invalid', `${kind} "${name}" is invalid: ${cause}`, {
    ...detailsOf(type, name),
    kind: type.kind,
    causes: [{ reason: 'FieldValueInvalid', message: cause.slice(field.length + 2), field }]
  })
}

function statusObject(code: number, reason: string, message: string, details?: Json): Json {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseBody(raw: string): Json {
  try {
    const body = JSON.parse(raw) as unknown
    if (isObject(body)) return body
  } catch {
    // below
  }
  throw new ApiError(400, 'BadRequest', 'the request body is not a JSON object')
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

function metaOf(o: Json): Json {
  if (!isObject(o.metadata)) o.metadata = {}
  return o.metadata as Json
}

function sortKey(o: Json): string {
  const m = metaOf(o)
  return `${String(m.namespace ?? '')}/${String(m.name)}`
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical)
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical(v[k])])
    )
  return v
}

function withoutMetaStatus(o: Json): Json {
  const rest = { ...o }
  delete rest.metadata
  delete rest.status
  return rest
}

function stripServer(o: Json): Json {
  const c = clone(o)
  const m = metaOf(c)
  for (const f of ['uid', 'creationTimestamp', 'generation', 'resourceVersion', 'managedFields'])
    delete m[f]
  return c
}

function sameOwners(a: Owner[], b: Owner[]): boolean {
  const text = (o: Owner[]) =>
    JSON.stringify(o.map((x) => [x.manager, x.operation, x.subresource ?? '', [...x.paths].sort()]))
  return text(a) === text(b)
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z')
}

function age(timestamp: string): string {
  const s = Math.max(0, Math.round((Date.now() - Date.parse(timestamp)) / 1000))
  return s < 120 ? `${s}s` : `${Math.floor(s / 60)}m`
}

function hashOf(text: string): string {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0
  return (h.toString(36) + h.toString(16)).padEnd(11, '0')
}

function condition(type: string, status: string, reason: string, message: string): Json {
  const t = now()
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message }
}

function goMap(labels: Json): string {
  const entries = Object.entries(labels).map(([k, v]) => `"${k}":"${String(v)}"`)
  return `map[string]string{${entries.join(', ')}}`
}

function managerFromAgent(agent: string | undefined): string {
  return agent?.split('/')[0] || 'kubectl-create'
}

// ---- selectors ------------------------------------------------------------------------------

function selectorOf(query: URLSearchParams): (o: Json) => boolean {
  const labels = parseLabelSelector(query.get('labelSelector') ?? '')
  const fields = parseFieldSelector(query.get('fieldSelector') ?? '')
  return (o) => {
    const meta = metaOf(o)
    const l = (meta.labels ?? {}) as Record<string, string>
    return labels.every((t) => t(l)) && fields.every((t) => t(o))
  }
}

function parseLabelSelector(text: string): ((labels: Record<string, string>) => boolean)[] {
  const terms: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      terms.push(current)
      current = ''
    } else current += ch
  }
  if (current.trim()) terms.push(current)
  return terms.map((raw) => {
    const t = raw.trim()
    let m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(t)
    if (m) {
      const [, k, op, list] = m
      const values = list.split(',').map((v) => v.trim())
      return op === 'in' ? (l) => values.includes(l[k]) : (l) => !(k in l) || !values.includes(l[k])
    }
    m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(t)
    if (m) {
      const [, k, op, v] = m
      return op === '!=' ? (l) => l[k] !== v : (l) => l[k] === v
    }
    if (t.startsWith('!')) return (l) => !(t.slice(1) in l)
    if (/^[A-Za-z0-9./_-]+$/.test(t)) return (l) => t in l
    throw new ApiError(400, 'BadRequest', `unable to parse requirement: ${t}`)
  })
}

function parseFieldSelector(text: string): ((o: Json) => boolean)[] {
  if (!text.trim()) return []
  return text.split(',').map((term) => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim())
    if (!m)
      throw new ApiError(
        400,
        'BadRequest',
        `invalid selector: '${text}'; can't understand '${term}'`
      )
    const [, field, op, value] = m
    if (!['metadata.name', 'metadata.namespace'].includes(field)) {
      throw new ApiError(
        400,
        'BadRequest',
        `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`
      )
    }
    const get = (o: Json) => String(metaOf(o)[field.slice('metadata.'.length)] ?? '')
    return op === '!=' ? (o: Json) => get(o) !== value : (o: Json) => get(o) === value
  })
}

// ---- field paths, merging, patches ----------------------------------------------------------

/** The merge keys of lists the API server merges item by item; other lists are atomic. */
function mergeKeys(field: string, items: unknown[]): string[] | undefined {
  if (!items.every(isObject)) return undefined
  const objects = items as Json[]
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return ['name']
    case 'volumeMounts':
      return ['mountPath']
    case 'ports':
      return objects.some((o) => 'containerPort' in o)
        ? ['containerPort', 'protocol']
        : ['port', 'protocol']
    default:
      return undefined
  }
}

function itemKey(keys: string[], item: Json): Json {
  return Object.fromEntries(keys.map((k) => [k, item[k] ?? (k === 'protocol' ? 'TCP' : undefined)]))
}

/** The field paths a config sets: leaves, atomic lists, empty maps, and keyed list items. */
function pathsOf(value: unknown, prefix: Segment[] = [], out = new Set<PathKey>()): Set<PathKey> {
  if (isObject(value)) {
    const entries = Object.entries(value)
    if (entries.length === 0 && prefix.length > 0) out.add(JSON.stringify(prefix))
    for (const [k, v] of entries) {
      const keys = Array.isArray(v) ? mergeKeys(k, v) : undefined
      if (keys) {
        for (const item of v as Json[]) {
          const at = [...prefix, k, { k: itemKey(keys, item) }]
          out.add(JSON.stringify(at))
          pathsOf(item, at, out)
        }
      } else pathsOf(v, [...prefix, k], out)
    }
    return out
  }
  out.add(JSON.stringify(prefix))
  return out
}

function changedPaths(before: Json | undefined, after: Json): Set<PathKey> {
  const a = before ? pathsOf(withoutMetaServer(before)) : new Set<PathKey>()
  const b = pathsOf(withoutMetaServer(after))
  const out = new Set<PathKey>()
  for (const p of b) {
    const segments = JSON.parse(p) as Segment[]
    if (segments[0] === 'status' || segments[0] === 'apiVersion' || segments[0] === 'kind') continue
    if (!a.has(p) || !sameJson(valueAt(before!, segments), valueAt(after, segments))) out.add(p)
  }
  return out
}

function withoutMetaServer(o: Json): Json {
  const c = stripServer(o)
  const m = metaOf(c)
  delete m.name
  delete m.namespace
  return c
}

function findItem(list: unknown[], k: Json): number {
  return list.findIndex(
    (item) =>
      isObject(item) &&
      Object.entries(k).every(([f, v]) => (item[f] ?? (f === 'protocol' ? 'TCP' : undefined)) === v)
  )
}

function valueAt(object: unknown, segments: Segment[]): unknown {
  let at: unknown = object
  for (const s of segments) {
    if (typeof s === 'string') {
      if (!isObject(at)) return undefined
      at = at[s]
    } else {
      if (!Array.isArray(at)) return undefined
      at = at[findItem(at, s.k)]
    }
  }
  return at
}

function deleteAt(object: Json, segments: Segment[]): void {
  const parents: unknown[] = []
  let at: unknown = object
  for (const s of segments.slice(0, -1)) {
    parents.push(at)
    at =
      typeof s === 'string'
        ? isObject(at)
          ? at[s]
          : undefined
        : Array.isArray(at)
          ? at[findItem(at, s.k)]
          : undefined
    if (at === undefined) return
  }
  const last = segments[segments.length - 1]
  if (typeof last === 'string' && isObject(at)) delete at[last]
  else if (typeof last !== 'string' && Array.isArray(at)) {
    const i = findItem(at, last.k)
    if (i >= 0) at.splice(i, 1)
  }
  // Maps left empty by the removal go too.
  for (let i = segments.length - 2; i >= 0; i--) {
    const container = parents[i]
    const s = segments[i]
    if (
      typeof s === 'string' &&
      isObject(container) &&
      isObject(container[s]) &&
      Object.keys(container[s] as Json).length === 0
    ) {
      delete container[s]
    } else break
  }
}

/** Sets every field of `applied` on `target`: maps recursively, keyed lists item by item. */
function overlay(target: Json, applied: Json, field: string): void {
  void field
  for (const [k, v] of Object.entries(applied)) {
    const keys = Array.isArray(v) ? mergeKeys(k, v) : undefined
    if (keys && Array.isArray(target[k])) {
      const list = target[k] as Json[]
      const ordered: Json[] = []
      for (const item of v as Json[]) {
        const i = findItem(list, itemKey(keys, item))
        if (i >= 0) {
          overlay(list[i], item, k)
          ordered.push(list[i])
        } else ordered.push(clone(item))
      }
      const rest = list.filter((item) => !ordered.includes(item))
      target[k] = [...ordered, ...rest]
    } else if (isObject(v) && isObject(target[k])) {
      overlay(target[k] as Json, v, k)
    } else {
      target[k] = clone(v)
    }
  }
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch)
  const out: Json = isObject(target) ? clone(target) : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

function strategicMerge(target: unknown, patch: unknown, field: string): unknown {
  if (Array.isArray(patch) && Array.isArray(target)) {
    const keys = mergeKeys(field, patch)
    if (!keys) return clone(patch)
    const out = clone(target) as Json[]
    for (const item of patch as Json[]) {
      const i = findItem(out, itemKey(keys, item))
      if (item.$patch === 'delete') {
        if (i >= 0) out.splice(i, 1)
      } else if (i >= 0) out[i] = strategicMerge(out[i], item, '') as Json
      else out.push(clone(item))
    }
    return out
  }
  if (!isObject(patch)) return clone(patch)
  const out: Json = isObject(target) ? clone(target) : {}
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue
    if (v === null) delete out[k]
    else out[k] = strategicMerge(out[k], v, k)
  }
  return out
}

function jsonPatch(target: Json, patch: unknown): Json {
  if (!Array.isArray(patch))
    throw new ApiError(400, 'BadRequest', 'a JSON patch must be a list of operations')
  const doc = clone(target)
  for (const op of patch as Json[]) {
    const parts = String(op.path)
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    const last = parts.pop()!
    let at: unknown = doc
    for (const p of parts) at = Array.isArray(at) ? at[Number(p)] : isObject(at) ? at[p] : undefined
    if (at === undefined)
      throw new ApiError(
        422,
        'Invalid',
        `the server rejected our request due to an error in our request: doc is missing path: "${String(op.path)}"`
      )
    if (op.op === 'remove') {
      if (Array.isArray(at)) at.splice(Number(last), 1)
      else delete (at as Json)[last]
    } else if (op.op === 'add' || op.op === 'replace') {
      if (Array.isArray(at)) {
        if (last === '-') at.push(clone(op.value))
        else at.splice(Number(last), op.op === 'add' ? 0 : 1, clone(op.value))
      } else (at as Json)[last] = clone(op.value)
    } else if (op.op !== 'test') {
      throw new ApiError(422, 'Invalid', `Unexpected kind: ${String(op.op)}`)
    }
  }
  return doc
}

function fieldText(segments: Segment[]): string {
  return segments
    .map((s) =>
      typeof s === 'string'
        ? `.${s}`
        : `[${Object.entries(s.k)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(',')}]`
    )
    .join('')
}

function managedField(owner: Owner): Json {
  const fields: Json = {}
  for (const p of owner.paths) {
    let at = fields
    const segments = JSON.parse(p) as Segment[]
    segments.forEach((s, i) => {
      const name = typeof s === 'string' ? `f:${s}` : `k:${JSON.stringify(s.k)}`
      if (!isObject(at[name])) at[name] = {}
      at = at[name] as Json
      if (typeof s !== 'string' && i === segments.length - 1) at['.'] = {}
    })
  }
  if (owner.subresource === 'status' && Object.keys(fields).length === 0) fields['f:status'] = {}
  return {
    manager: owner.manager,
    operation: owner.operation,
    apiVersion: owner.apiVersion,
    time: owner.time,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    ...(owner.subresource ? { subresource: owner.subresource } : {})
  }
}

// ---- defaults -------------------------------------------------------------------------------

function podPath(type: ResourceType): string {
  if (type.kind === 'Pod') return 'spec'
  if (type.kind === 'CronJob') return 'spec.jobTemplate.spec.template.spec'
  return 'spec.template.spec'
}

function podSpecOf(object: Json): Json | undefined {
  const spec = object.spec as Json | undefined
  if (!spec) return undefined
  if (object.kind === 'Pod') return spec
  if (object.kind === 'CronJob') {
    return (
      ((spec.jobTemplate as Json | undefined)?.spec as Json | undefined)?.template as
        Json | undefined
    )?.spec as Json | undefined
  }
  if (
    ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(String(object.kind))
  ) {
    return (spec.template as Json | undefined)?.spec as Json | undefined
  }
  return undefined
}

/** The defaults the API server adds (a subset of the real ones, for the kinds used here). */
function defaulted(type: ResourceType, object: Json): Json {
  const spec = (object.spec ?? undefined) as Json | undefined
  const setDefault = (o: Json, k: string, v: unknown) => {
    if (o[k] === undefined) o[k] = v
  }
  if (type.kind === 'Namespace') {
    const meta = metaOf(object)
    meta.labels = { ...((meta.labels as Json) ?? {}), 'kubernetes.io/metadata.name': meta.name }
    object.spec = { finalizers: ['kubernetes'], ...(spec ?? {}) }
    object.status = { phase: 'Active' }
  }
  if (type.kind === 'Deployment' && spec) {
    setDefault(spec, 'replicas', 1)
    setDefault(spec, 'revisionHistoryLimit', 10)
    setDefault(spec, 'progressDeadlineSeconds', 600)
    setDefault(spec, 'strategy', { type: 'RollingUpdate' })
    const strategy = spec.strategy as Json
    if (strategy.type === 'RollingUpdate')
      setDefault(strategy, 'rollingUpdate', { maxUnavailable: '25%', maxSurge: '25%' })
  }
  if (type.kind === 'Service' && spec) {
    setDefault(spec, 'type', 'ClusterIP')
    setDefault(spec, 'sessionAffinity', 'None')
    if (spec.type !== 'ExternalName') {
      if (spec.clusterIP === undefined)
        spec.clusterIP = `10.96.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 2}`
      setDefault(spec, 'clusterIPs', [spec.clusterIP])
      setDefault(spec, 'ipFamilies', ['IPv4'])
      setDefault(spec, 'ipFamilyPolicy', 'SingleStack')
      setDefault(spec, 'internalTrafficPolicy', 'Cluster')
    }
    for (const port of (spec.ports as Json[] | undefined) ?? []) {
      setDefault(port, 'protocol', 'TCP')
      setDefault(port, 'targetPort', port.port)
    }
  }
  const pod = podSpecOf(object)
  if (pod) {
    setDefault(
      pod,
      'restartPolicy',
      type.kind === 'Job' || type.kind === 'CronJob' ? 'Never' : 'Always'
    )
    setDefault(pod, 'terminationGracePeriodSeconds', 30)
    setDefault(pod, 'dnsPolicy', 'ClusterFirst')
    setDefault(pod, 'securityContext', {})
    setDefault(pod, 'schedulerName', 'default-scheduler')
    for (const c of [
      ...((pod.containers as Json[]) ?? []),
      ...((pod.initContainers as Json[]) ?? [])
    ]) {
      setDefault(c, 'terminationMessagePath', '/dev/termination-log')
      setDefault(c, 'terminationMessagePolicy', 'File')
      setDefault(c, 'resources', {})
      const image = String(c.image ?? '')
      const tagged = /:[^/]+$/.test(image.replace(/@.*$/, '')) && !image.endsWith(':latest')
      setDefault(c, 'imagePullPolicy', tagged || image.includes('@') ? 'IfNotPresent' : 'Always')
      for (const port of (c.ports as Json[] | undefined) ?? []) setDefault(port, 'protocol', 'TCP')
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        const p = c[probe] as Json | undefined
        if (!p) continue
        setDefault(p, 'timeoutSeconds', 1)
        setDefault(p, 'periodSeconds', 10)
        setDefault(p, 'successThreshold', 1)
        setDefault(p, 'failureThreshold', 3)
        if (isObject(p.httpGet)) setDefault(p.httpGet, 'scheme', 'HTTP')
      }
    }
  }
  return object
}
