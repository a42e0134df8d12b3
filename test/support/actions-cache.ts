import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential
} from '@azure/storage-blob'
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from './runner.js'

// The Actions cache as @actions/cache (cache service v2) finds it on a runner: the results API's
// Twirp CacheService, a double here, which hands out SAS URLs of blobs in Azure Blob Storage,
// here Azurite (Microsoft's storage emulator, a devDependency) on loopback: the archive upload and
// download are the real Azure SDK and HTTP client against a real blob service.
//
// Every request is decoded with @actions/cache's own generated protobuf types, which reject unknown
// fields and wrong types, and every answer is encoded with them; what fails is recorded in
// `violations`, for tests to assert empty.

// Azurite's fixed development account (public, documented by Microsoft).
const ACCOUNT = 'devstoreaccount1'
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
const CONTAINER = 'actions-cache'
const SERVICE = 'github.actions.results.api.v1.CacheService'

export interface CacheEntry {
  key: string
  version: string
  blob: string
  sizeBytes?: number
  finalized: boolean
}

export interface ActionsCache {
  /** What a runner sets for @actions/cache (service v2). */
  env: Record<string, string>
  entries: CacheEntry[]
  violations: string[]
  /** Bytes of an entry's archive as stored in the blob service. */
  archiveSize(entry: CacheEntry): Promise<number>
  stop(): Promise<void>
}

interface MessageType {
  fromJson(json: unknown): object
  toJson(message: object): unknown
  create(value?: object): object
}
interface ServiceMethod {
  name: string
  I: MessageType
  O: MessageType
}

async function cacheServiceType(): Promise<{ methods: ServiceMethod[] }> {
  // Not in the package's exports: the generated file itself, by path.
  const file = path.join(
    REPO_ROOT,
    'node_modules/@actions/cache/lib/generated/results/api/v1/cache.js'
  )
  const generated = (await import(pathToFileURL(file).href)) as {
    CacheService: { methods: ServiceMethod[] }
  }
  return generated.CacheService
}

async function startAzurite(): Promise<{ url: string; child: ChildProcess }> {
  const bin = path.join(REPO_ROOT, 'node_modules/.bin/azurite-blob')
  const child = spawn(
    bin,
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--disableProductStyleUrl',
      '--disableTelemetry',
      '--skipApiVersionCheck'
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`azurite did not start:\n${output}`)), 30_000)
    const onData = (data: Buffer) => {
      output += data
      const found = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (found) {
        clearTimeout(timer)
        resolve(found[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`azurite exited with ${code}:\n${output}`))
    })
  })
  return { url, child }
}

export async function startActionsCache(): Promise<ActionsCache> {
  const service = await cacheServiceType()
  const azurite = await startAzurite()
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)
  const blobs = new BlobServiceClient(`${azurite.url}/${ACCOUNT}`, credential)
  const container = blobs.getContainerClient(CONTAINER)
  await container.create()

  const token = 'actions-runtime-token-for-tests'
  const entries: CacheEntry[] = []
  const violations: string[] = []

  const sasUrl = (blob: string, permissions: string) => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blob,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 3600_000)
      },
      credential
    )
    return `${container.getBlockBlobClient(blob).url}?${sas.toString()}`
  }

  // The service's behaviour, by method: what GitHub's documents and @actions/cache expect of it.
  const handlers: Record<string, (request: Record<string, unknown>) => object> = {
    CreateCacheEntry({ key, version }) {
      if (entries.some((e) => e.key === key && e.version === version)) {
        return { ok: false, message: `cache entry with key ${key} already exists` }
      }
      const blob = `entry-${entries.length + 1}.tar`
      entries.push({ key: key as string, version: version as string, blob, finalized: false })
      return { ok: true, signedUploadUrl: sasUrl(blob, 'cw') }
    },
    FinalizeCacheEntryUpload({ key, version, sizeBytes }) {
      const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized)
      if (!entry) return { ok: false, message: `no cache entry ${key} is being uploaded` }
      entry.finalized = true
      entry.sizeBytes = Number(sizeBytes)
      return { ok: true, entryId: String(entries.indexOf(entry) + 1) }
    },
    GetCacheEntryDownloadURL({ key, restoreKeys, version }) {
      // entries is in the order they were made: reversed, newest first.
      const usable = entries.filter((e) => e.finalized && e.version === version).reverse()
      // The key exactly first, then each restore key as a prefix, newest first.
      const match =
        usable.find((e) => e.key === key) ??
        (restoreKeys as string[])
          .map((prefix) => usable.find((e) => e.key.startsWith(prefix)))
          .find(Boolean)
      if (!match) return { ok: false }
      return { ok: true, signedDownloadUrl: sasUrl(match.blob, 'r'), matchedKey: match.key }
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      violations.push(`${req.method} ${req.url}: ${error.message}`)
      res.writeHead(500).end()
    })
  })
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const prefix = `/twirp/${SERVICE}/`
    const method = service.methods.find((m) => req.url === `${prefix}${m.name}`)
    const twirpError = (status: number, code: string, msg: string) => {
      violations.push(`${req.method} ${req.url}: ${msg}`)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code, msg }))
    }
    if (req.method !== 'POST' || !method) return twirpError(404, 'bad_route', 'no such method')
    if (req.headers.authorization !== `Bearer ${token}`) {
      return twirpError(401, 'unauthenticated', 'missing or wrong runtime token')
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return twirpError(415, 'malformed', `content-type ${req.headers['content-type']}`)
    }
    let request: Record<string, unknown>
    try {
      const decoded = method.I.fromJson(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      request = decoded as Record<string, unknown>
    } catch (error) {
      return twirpError(400, 'malformed', `${method.name}: ${(error as Error).message}`)
    }
    const answer = method.O.toJson(method.O.create(handlers[method.name](request)))
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(answer))
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    env: {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/`,
      ACTIONS_RUNTIME_TOKEN: token
    },
    entries,
    violations,
    async archiveSize(entry) {
      const properties = await container.getBlockBlobClient(entry.blob).getProperties()
      return properties.contentLength ?? 0
    },
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      const exited = new Promise((resolve) => azurite.child.once('exit', resolve))
      azurite.child.kill('SIGTERM')
      await exited
    }
  }
}
