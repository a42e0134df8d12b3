import { existsSync, realpathSync } from 'node:fs'
import path from 'node:path'
import type { Config } from './config/index.js'
import { UserError } from './errors.js'

// Where slipway may write, and what it may read on a user's behalf. Paths are compared after
// resolving symbolic links, so a link cannot lead a write out of the allowed folders.

export interface Place {
  dir: string
  /** How an error names it: "the workspace", "RUNNER_TEMP". */
  name: string
}

/**
 * `dir` (absolute) resolved, when it lies inside one of `allowed` and outside .git and every
 * manifests source of `config` under `root` (which the next render would read back, and whose
 * files the objects/ folder written there could replace). Otherwise a UserError that starts
 * with `subject`: the input or option and its value as the user gave it.
 */
export function checkOutputDir(
  dir: string,
  options: { subject: string; allowed: Place[]; root: string; config: Config }
): string {
  const { subject, allowed, root, config } = options
  const real = realPath(dir)
  if (!allowed.some((place) => within(realPath(place.dir), real))) {
    const names = allowed.map((place) => place.name).join(' and ')
    throw new UserError(`${subject} is outside ${names}`)
  }
  if (real.split(path.sep).includes('.git')) {
    throw new UserError(`${subject} is inside .git`)
  }
  for (const source of manifestSources(config)) {
    const sourceDir = realPath(path.resolve(root, source))
    if (within(sourceDir, real) || within(path.join(real, 'objects'), sourceDir)) {
      throw new UserError(
        `${subject} overlaps the manifests source ${source}, which a render reads`
      )
    }
  }
  return real
}

/** `file` (absolute) resolved, when it lies inside `place`; else a UserError with `subject`. */
export function checkInputFile(file: string, options: { subject: string; place: Place }): string {
  const real = realPath(file)
  if (!within(realPath(options.place.dir), real)) {
    throw new UserError(`${options.subject} is outside ${options.place.name}`)
  }
  return real
}

/** Every folder a render of some environment reads: plain paths, kustomize folders, charts. */
export function manifestSources(config: Config): string[] {
  const sources = new Set<string>()
  const environments = Object.keys(config.environments)
  for (const source of [
    config.manifests,
    ...Object.values(config.environments).map((env) => env.manifests)
  ]) {
    if (!source) continue
    for (const folder of [source.path, source.kustomize, source.helm?.chart]) {
      if (!folder) continue
      if (!folder.includes('{env}')) sources.add(folder)
      else for (const env of environments) sources.add(folder.replaceAll('{env}', env))
    }
  }
  return [...sources]
}

/** `p` with symbolic links resolved, as far as it exists (the rest appended as it is). */
function realPath(p: string): string {
  const rest: string[] = []
  let existing = path.resolve(p)
  while (!existsSync(existing)) {
    const parent = path.dirname(existing)
    if (parent === existing) break
    rest.unshift(path.basename(existing))
    existing = parent
  }
  try {
    return path.join(realpathSync(existing), ...rest)
  } catch {
    return path.resolve(p)
  }
}

function within(base: string, p: string): boolean {
  const back = path.relative(base, p)
  return back === '' || (!back.startsWith('..') && !path.isAbsolute(back))
}
