import path from 'node:path'
import type { Config, ManifestsSource } from '../config/index.js'
import { UserError } from '../errors.js'

export type ResolvedSource =
  | { kind: 'path'; dir: string }
  | { kind: 'kustomize'; dir: string }
  | { kind: 'helm'; chart: string; release: string; values: string[]; set: Record<string, string> }

/** The manifests source of one environment, with paths made absolute and kept inside `root`. */
export function resolveSource(config: Config, envName: string, root: string): ResolvedSource {
  const env = Object.hasOwn(config.environments, envName) ? config.environments[envName] : undefined
  if (!env) {
    const known = Object.keys(config.environments).join(', ')
    throw new UserError(`environment "${envName}" is not defined in the config (known: ${known})`)
  }
  const source: ManifestsSource | undefined = env.manifests ?? config.manifests
  if (!source) throw new UserError(`environment "${envName}" has no manifests source`)
  const inside = (p: string, key: string) => insideRoot(root, p.replaceAll('{env}', envName), key)
  if (source.path) return { kind: 'path', dir: inside(source.path, 'manifests.path') }
  if (source.kustomize)
    return { kind: 'kustomize', dir: inside(source.kustomize, 'manifests.kustomize') }
  const helm = source.helm!
  return {
    kind: 'helm',
    chart: inside(helm.chart, 'manifests.helm.chart'),
    release: helm.release ?? envName,
    values: (helm.values ?? []).map((v) => inside(v, 'manifests.helm.values')),
    set: helm.set ?? {}
  }
}

function insideRoot(root: string, relative: string, key: string): string {
  const absolute = path.resolve(root, relative)
  const back = path.relative(root, absolute)
  if (back.startsWith('..') || path.isAbsolute(back)) {
    throw new UserError(`${key}: "${relative}" points outside the repository`)
  }
  return absolute
}
