// Shared by the render tests: where the real fixtures are, configs over them, copies to break.
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** CI clones the repository with shared/ beside it. */
export const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'manifests')

/** A slipway.yaml with one environment, staging, over `source` (a manifests entry). */
export function fixtureConfig(source: string, extra = ''): string {
  return [
    'image:',
    '  repository: ghcr.io/acme/hello',
    'manifests:',
    `  ${source}`,
    'environments:',
    '  staging:',
    '    namespace: boutique-staging',
    extra
  ].join('\n')
}

export function digest(seed: string): string {
  return `sha256:${createHash('sha256').update(seed).digest('hex')}`
}

export interface FixtureFile {
  /** Relative to the copied folder. */
  name: string
  text: string
}

/**
 * Copies a fixture folder to `<temp root>/manifests`, passing its files through `transform`,
 * and returns the temp root (the repository of the copy).
 */
export function copyFixture(
  relative: string,
  transform: (files: FixtureFile[]) => FixtureFile[] = (files) => files
): string {
  const from = path.join(FIXTURES, relative)
  const files = listFiles(from).map((name) => ({
    name,
    text: readFileSync(path.join(from, name), 'utf8')
  }))
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-render-'))
  for (const file of transform(files)) {
    const target = path.join(root, 'manifests', file.name)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, file.text)
  }
  return root
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry)
    const name = prefix ? `${prefix}/${entry}` : entry
    return statSync(full).isDirectory() ? listFiles(full, name) : [name]
  })
}

/** A deterministic shuffle (mulberry32), so a failing order can be reproduced. */
export function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}
