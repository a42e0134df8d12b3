import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
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
