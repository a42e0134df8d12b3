import { readFileSync } from 'node:fs'
import path from 'node:path'
import { LineCounter, parseDocument, type Node } from 'yaml'
import type { Config, ManifestsSource } from '../config/index.js'
import { UserError, type SourceLocation } from '../errors.js'
import { isInside } from './inside-root.js'

export type ResolvedSource =
  | { kind: 'path'; dir: string }
  | { kind: 'kustomize'; dir: string }
  | { kind: 'helm'; chart: string; release: string; values: string[]; set: Record<string, string> }

/**
 * The manifests source of one environment, with paths made absolute and kept inside `root`
 * (also through symbolic links). `configFile`, when given, is where a path that escapes is
 * pointed at, on the line of its key.
 */
export function resolveSource(
  config: Config,
  envName: string,
  root: string,
  configFile?: string
): ResolvedSource {
  const env = Object.hasOwn(config.environments, envName) ? config.environments[envName] : undefined
  if (!env) {
    const known = Object.keys(config.environments).join(', ')
    throw new UserError(`environment "${envName}" is not defined in the config (known: ${known})`)
  }
  const source: ManifestsSource | undefined = env.manifests ?? config.manifests
  if (!source) throw new UserError(`environment "${envName}" has no manifests source`)
  const base = env.manifests ? ['environments', envName, 'manifests'] : ['manifests']
  const inside = (p: string, keyPath: (string | number)[]) => {
    const relative = p.replaceAll('{env}', envName)
    const absolute = path.resolve(root, relative)
    if (!isInside(root, absolute)) {
      const key = ['manifests', ...keyPath.filter((k) => typeof k === 'string')].join('.')
      throw new UserError(
        `${key}: "${relative}" points outside the repository`,
        configFile ? configLocation(configFile, [...base, ...keyPath]) : undefined
      )
    }
    return absolute
  }
  if (source.path) return { kind: 'path', dir: inside(source.path, ['path']) }
  if (source.kustomize) return { kind: 'kustomize', dir: inside(source.kustomize, ['kustomize']) }
  const helm = source.helm!
  return {
    kind: 'helm',
    chart: inside(helm.chart, ['helm', 'chart']),
    release: helm.release ?? envName,
    values: (helm.values ?? []).map((v, i) => inside(v, ['helm', 'values', i])),
    set: helm.set ?? {}
  }
}

/** The line of a key in the config file; just the file when it cannot be read or found. */
export function configLocation(file: string, keyPath: (string | number)[]): SourceLocation {
  try {
    const lineCounter = new LineCounter()
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter })
    const node = doc.getIn(keyPath, true) as Node | undefined
    const offset = node?.range?.[0]
    return offset === undefined ? { file } : { file, line: lineCounter.linePos(offset).line }
  } catch {
    return { file }
  }
}
