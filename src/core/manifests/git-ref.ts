import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../config/index.js'
import { errorMessage, UserError } from '../errors.js'
import { runCommand } from '../process.js'
import type { KubeObject } from './manifest.js'
import { renderEnvironment } from './pipeline.js'

// The previous render taken from git: the same environment rendered from the repository as it
// was at another commit (a pull request's base, the last released tag), so that a diff shows what
// a change to the manifests, overlays or slipway.yaml does. The commit is exported with
// `git archive` into a temp folder (the checkout itself is not touched) and rendered from there.

export interface RefRenderRequest {
  /** The repository's checkout; the ref is read from its git history. */
  root: string
  /** slipway.yaml in the checkout; the file at the same path at the ref is used. */
  configFile: string
  environment: string
  ref: string
  /**
   * The release of the current render. The ref is rendered with the same image, version and
   * release id (and commit), so that the diff shows what changed in the manifests, not the
   * release.
   */
  image?: string
  version?: string
  commit?: string
  releaseId?: string
}

export interface RefRender {
  objects: KubeObject[]
  /** The commit the ref names. */
  commit: string
  /** For the diff's "compared with": `main (0123456789ab)`. */
  label: string
  /** The environment is not defined in slipway.yaml at the ref: nothing was rendered. */
  newEnvironment: boolean
}

export async function renderAtRef(request: RefRenderRequest): Promise<RefRender> {
  const { root, ref, environment } = request
  if (!ref.trim() || ref.startsWith('-')) throw new UserError(`"${ref}" is not a git ref`)
  const notRepository = () =>
    new UserError(`${root} is not in a git repository, so no git ref can be rendered`)
  const top = (await git(root, ['rev-parse', '--show-toplevel'], notRepository)).trim()
  if (!top) throw notRepository()
  const commit = (
    await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => missingRef(ref))
  ).trim()
  const label = commit.startsWith(ref) ? commit.slice(0, 12) : `${ref} (${commit.slice(0, 12)})`

  const temp = await mkdtemp(path.join(os.tmpdir(), 'slipway-ref-'))
  try {
    const tar = path.join(temp, 'ref.tar')
    const tree = path.join(temp, 'tree')
    await git(top, ['archive', '--format=tar', '-o', tar, commit])
    await mkdir(tree)
    await runOrFail('tar', ['-xf', tar, '-C', tree])

    const rootAtRef = path.join(tree, path.relative(top, await realpath(root)))
    const configAtRef = path.join(rootAtRef, path.relative(root, request.configFile))
    const configName = path.relative(root, request.configFile)
    if (!existsSync(configAtRef)) {
      throw new UserError(`${configName} does not exist at ${label}, so it cannot be rendered`)
    }
    const config = await loadConfig(configAtRef).catch((error: unknown) => {
      throw new UserError(`${configName} at ${label} is not valid: ${errorMessage(error)}`)
    })
    if (!Object.hasOwn(config.environments, environment)) {
      return { objects: [], commit, label, newEnvironment: true }
    }
    const result = await renderEnvironment({
      config,
      environment,
      root: rootAtRef,
      configFile: configAtRef,
      image: request.image,
      version: request.version,
      commit: request.commit,
      releaseId: request.releaseId
    }).catch((error: unknown) => {
      throw new UserError(`rendering ${environment} at ${label} failed: ${errorMessage(error)}`)
    })
    // Policy or validation errors of the old render do not matter here: it is only compared.
    return { objects: result.objects.map((o) => o.object), commit, label, newEnvironment: false }
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}

function missingRef(ref: string): UserError {
  return new UserError(
    `git ref "${ref}" is not in the repository's history; a shallow checkout has only the ` +
      'commit it checked out (actions/checkout: fetch-depth: 0, or fetch the ref first)'
  )
}

async function git(cwd: string, args: string[], onFailure?: () => UserError): Promise<string> {
  const result = await runCommand('git', ['-C', cwd, ...args])
  if (result.exitCode !== 0) {
    if (onFailure) throw onFailure()
    throw new UserError(
      `git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`
    )
  }
  return result.stdout
}

async function runOrFail(program: string, args: string[]): Promise<void> {
  const result = await runCommand(program, args)
  if (result.exitCode !== 0) {
    throw new UserError(`${program} failed: ${result.stderr.trim() || `exit ${result.exitCode}`}`)
  }
}
