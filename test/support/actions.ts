import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { REPO_ROOT, runAction, type RunOptions, type RunResult } from './runner.js'

export type ActionName =
  | 'setup'
  | 'build-image'
  | 'scan-image'
  | 'render-manifests'
  | 'deploy'
  | 'canary-analysis'
  | 'promote'
  | 'rollback'

export const VERSION: string = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')
).version

interface ActionYml {
  runs?: { using?: string; main?: string; post?: string }
}

/**
 * Runs a slipway action as a workflow's `uses:` would: the bundle its action.yml names in
 * `runs.main` (and `runs.post`), with the input defaults it declares.
 */
export function runSlipwayAction(name: ActionName, options: RunOptions = {}): Promise<RunResult> {
  const actionYml = name === 'setup' ? 'action.yml' : `actions/${name}/action.yml`
  const action = parseYaml(readFileSync(path.join(REPO_ROOT, actionYml), 'utf8')) as ActionYml
  const { using, main, post } = action.runs ?? {}
  if (using !== 'node24' || !main) {
    throw new Error(`${actionYml}: expected runs.using node24 and runs.main, got ${using}, ${main}`)
  }
  const dir = path.dirname(actionYml)
  return runAction(path.join(dir, main), {
    actionYml,
    ...(post ? { post: path.join(dir, post) } : {}),
    ...options
  })
}
