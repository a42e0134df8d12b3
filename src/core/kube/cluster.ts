import { ApiException, KubeConfig } from '@kubernetes/client-node'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { errorMessage, UserError } from '../errors.js'

/** The field manager slipway applies with: the fields it owns are the ones it set last time. */
export const FIELD_MANAGER = 'slipway'

export interface ClusterOptions {
  /** A kubeconfig file; default $KUBECONFIG (its files merged), else ~/.kube/config. */
  kubeconfig?: string
  /** A context of the kubeconfig; default its current context. */
  context?: string
}

export interface Cluster {
  config: KubeConfig
  /** The context used, for messages and summaries. */
  context: string
  /** The API server's address. */
  server: string
}

/**
 * Loads a kubeconfig and picks the context. Never falls back to an in-cluster or localhost
 * default: with no kubeconfig there is no cluster to talk to, and that is said in one line.
 */
export function loadCluster(options: ClusterOptions, env = process.env): Cluster {
  const config = new KubeConfig()
  const file = options.kubeconfig
  let described: string
  try {
    if (file) {
      if (!existsSync(file)) throw new UserError(`the kubeconfig ${file} does not exist`)
      described = file
      config.loadFromFile(file)
    } else if (env.KUBECONFIG) {
      described = env.KUBECONFIG
      const files = env.KUBECONFIG.split(path.delimiter).filter(Boolean)
      if (!files.some((f) => existsSync(f))) {
        throw new UserError(`KUBECONFIG names no file that exists (${env.KUBECONFIG})`)
      }
      config.loadFromDefault({}, false)
    } else {
      described = path.join(os.homedir(), '.kube', 'config')
      if (!existsSync(described)) {
        throw new UserError(
          'no kubeconfig: give one (kubeconfig input or --kubeconfig), or set KUBECONFIG'
        )
      }
      config.loadFromFile(described)
    }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(
      `the kubeconfig ${file ?? env.KUBECONFIG} could not be read: ${errorMessage(error)}`
    )
  }
  if (options.context) {
    if (!config.getContextObject(options.context)) {
      const names = config.getContexts().map((c) => c.name)
      throw new UserError(
        `context "${options.context}" is not in the kubeconfig ${described}` +
          (names.length > 0 ? ` (it has ${names.join(', ')})` : '')
      )
    }
    config.setCurrentContext(options.context)
  }
  const cluster = config.getCurrentCluster()
  if (!config.getCurrentContext() || !cluster) {
    throw new UserError(`the kubeconfig ${described} has no current context: give a context`)
  }
  return { config, context: config.getCurrentContext(), server: cluster.server }
}

/** Secrets in the kubeconfig's current user, to mask before anything could print them. */
export function credentialsOf(cluster: Cluster): string[] {
  const user = cluster.config.getCurrentUser()
  if (!user) return []
  return [user.token, user.password, user.keyData].filter(
    (v): v is string => typeof v === 'string' && v.length > 0
  )
}

/**
 * An error from the API (or from reaching it) as one line a person understands: unreachable,
 * credentials refused, not allowed, or the server's own message.
 */
export function clusterError(error: unknown, cluster: Cluster, doing: string): UserError {
  const where = `the cluster at ${cluster.server} (context ${cluster.context})`
  if (error instanceof ApiException) {
    const code = error.code
    const message = statusMessage(error.body)
    if (code === 401) {
      return new UserError(
        `${where} refused the kubeconfig's credentials (401 Unauthorized) while ${doing}`
      )
    }
    if (code === 403) {
      return new UserError(
        `${where} does not allow ${doing} (403 Forbidden)${message ? `: ${message}` : ''}`
      )
    }
    return new UserError(`${where} answered ${code} while ${doing}${message ? `: ${message}` : ''}`)
  }
  const cause = (error as { cause?: unknown })?.cause
  const detail = [errorMessage(error), cause ? errorMessage(cause) : ''].filter(Boolean).join(': ')
  return new UserError(`${where} is unreachable while ${doing}: ${detail}`)
}

function statusMessage(body: unknown): string {
  let value = body
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body)
    } catch {
      return body.slice(0, 200)
    }
  }
  const message = (value as { message?: unknown } | undefined)?.message
  return typeof message === 'string' ? message : ''
}
