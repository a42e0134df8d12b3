import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT, tempDir } from './runner.js'

/**
 * A fresh workspace (a checkout, as actions/checkout leaves it): a copy of a fixture folder
 * under test/fixtures, plus or overriding `files` (relative path to content).
 */
export function makeWorkspace(fixture?: string, files: Record<string, string> = {}): string {
  const dir = tempDir('slipway-ws-')
  if (fixture) cpSync(path.join(REPO_ROOT, 'test', 'fixtures', fixture), dir, { recursive: true })
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), content)
  }
  return dir
}

/**
 * The app fixture with its staging environment in `namespace` instead of hello-staging (in
 * slipway.yaml and the staging overlay), so tests against the shared test cluster do not meet.
 */
export function appWorkspace(namespace: string, files: Record<string, string> = {}): string {
  const dir = makeWorkspace('app', files)
  for (const file of ['slipway.yaml', 'deploy/overlays/staging/kustomization.yaml']) {
    const full = path.join(dir, file)
    writeFileSync(full, readFileSync(full, 'utf8').replace(/\bhello-staging\b/g, namespace))
  }
  return dir
}
