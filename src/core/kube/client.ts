import { ApiException, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node'
import { UserError } from '../errors.js'
import { parseRetryAfter, withRetry, type RetryOptions } from '../image/retry.js'
import { describeId, idOf, isRecord, type KubeObject } from '../manifests/manifest.js'
import { clusterError, FIELD_MANAGER, type Cluster } from './cluster.js'

// The few calls deploy makes, over client-node's generic object API: server-side apply, get,
// list by label, delete. Each is retried on what another attempt may cure (429 with its
// Retry-After, 5xx, dropped connections), within a bound, and fails with one line.

export interface ApplyOptions {
  /** Take over fields another manager owns instead of failing on the conflict. */
  force?: boolean
  /** Server-side dry run: validated and defaulted by the server, stored nowhere. */
  dryRun?: boolean
  fieldManager?: string
}

export class KubeClient {
  private readonly api: KubernetesObjectApi

  constructor(
    readonly cluster: Cluster,
    private readonly retry: RetryOptions = {}
  ) {
    this.api = KubernetesObjectApi.makeApiClient(cluster.config)
  }

  async apply(object: KubeObject, options: ApplyOptions = {}): Promise<KubeObject> {
    const id = idOf(object)
    return this.call(`applying ${describeId(id)}`, async () => {
      try {
        return (await this.api.patch(
          object as never,
          undefined,
          options.dryRun ? 'All' : undefined,
          options.fieldManager ?? FIELD_MANAGER,
          options.force ?? false,
          PatchStrategy.ServerSideApply
        )) as KubeObject
      } catch (error) {
        if (error instanceof ApiException && error.code === 409) {
          throw new UserError(conflictMessage(describeId(id), error.body))
        }
        throw error
      }
    })
  }

  /** The object, or undefined when it does not exist. */
  async get(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string
  ): Promise<KubeObject | undefined> {
    const what = describeId({ apiVersion, kind, name, namespace })
    return this.call(`reading ${what}`, async () => {
      try {
        return (await this.api.read({
          apiVersion,
          kind,
          metadata: { name, namespace }
        })) as KubeObject
      } catch (error) {
        if (error instanceof ApiException && error.code === 404) return undefined
        throw error
      }
    })
  }

  async list(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    labelSelector?: string
  ): Promise<KubeObject[]> {
    return this.call(`listing ${kind} in ${namespace ?? 'the cluster'}`, async () => {
      const items: KubeObject[] = []
      let continueToken: string | undefined
      do {
        const page = await this.api.list(
          apiVersion,
          kind,
          namespace,
          undefined,
          undefined,
          undefined,
          undefined,
          labelSelector,
          500,
          continueToken
        )
        for (const item of page.items) {
          // The list's items carry no apiVersion and kind; callers compare identities.
          items.push({ apiVersion, kind, ...(item as object) } as KubeObject)
        }
        continueToken = page.metadata?._continue || undefined
      } while (continueToken)
      return items
    })
  }

  /** Deletes the object; true when it was there. Dependents go in the background, as kubectl does. */
  async delete(object: KubeObject, options: { dryRun?: boolean } = {}): Promise<boolean> {
    const id = idOf(object)
    return this.call(`deleting ${describeId(id)}`, async () => {
      try {
        await this.api.delete(
          {
            apiVersion: id.apiVersion,
            kind: id.kind,
            metadata: { name: id.name, namespace: id.namespace }
          },
          undefined,
          options.dryRun ? 'All' : undefined,
          undefined,
          undefined,
          'Background'
        )
        return true
      } catch (error) {
        if (error instanceof ApiException && error.code === 404) return false
        throw error
      }
    })
  }

  /** Creates the object; undefined when one of that name exists already. */
  async create(object: KubeObject): Promise<KubeObject | undefined> {
    return this.call(`creating ${describeId(idOf(object))}`, async () => {
      try {
        return (await this.api.create(object as never)) as KubeObject
      } catch (error) {
        if (error instanceof ApiException && error.code === 409) return undefined
        throw error
      }
    })
  }

  /** Replaces the object; undefined when its resourceVersion is no longer the current one. */
  async replace(object: KubeObject): Promise<KubeObject | undefined> {
    return this.call(`updating ${describeId(idOf(object))}`, async () => {
      try {
        return (await this.api.replace(object as never)) as KubeObject
      } catch (error) {
        if (error instanceof ApiException && error.code === 409) return undefined
        throw error
      }
    })
  }

  private async call<T>(doing: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(async () => {
        try {
          return await operation()
        } catch (error) {
          throw markRetryable(error)
        }
      }, this.retry)
    } catch (error) {
      if (error instanceof UserError) throw error
      throw clusterError(error, this.cluster, doing)
    }
  }
}

/** Marks an API error retryable or not, with the delay the server asked for, for withRetry. */
function markRetryable(error: unknown): unknown {
  if (!(error instanceof ApiException)) return error
  const retryable = error.code === 429 || (error.code >= 500 && error.code !== 501)
  const headers = error.headers as Record<string, string> | undefined
  const retryAfterMs = parseRetryAfter(headers?.['retry-after'])
  return Object.assign(error, { retryable, retryAfterMs })
}

/**
 * A server-side apply conflict as one line: the object, and each field with the manager that
 * owns it (`conflict with "kubectl-edit" using apps/v1: .spec.replicas`).
 */
export function conflictMessage(what: string, body: unknown): string {
  let status: unknown = body
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body)
    } catch {
      status = undefined
    }
  }
  const causes =
    isRecord(status) && isRecord(status.details) && Array.isArray(status.details.causes)
      ? status.details.causes.filter(isRecord)
      : []
  const fields = causes
    .map((c) => `${String(c.field ?? '?')} (${String(c.message ?? 'conflict')})`)
    .slice(0, 5)
  const more = causes.length > 5 ? ` and ${causes.length - 5} more` : ''
  return (
    `${what}: fields owned by another field manager: ${fields.join(', ') || 'unknown fields'}${more}; ` +
    'set force-conflicts: true to take them over, or remove them from that manager'
  )
}
