// Big, deep or odd inputs end in time with one line on the file, never an internal error.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadConfig, parseConfig } from '../../src/core/config/index.js'
import { formatUserError, UserError, UserErrors } from '../../src/core/errors.js'
import { readRenderedObjects } from '../../src/core/manifests/diff.js'
import { parseHelmOutput } from '../../src/core/manifests/helm-output.js'
import { parseObjects } from '../../src/core/manifests/yaml-documents.js'

const head = 'image:\n  repository: ghcr.io/acme/hello\nmanifests:\n  path: deploy\n'

function problems(run: () => unknown): string[] {
  try {
    run()
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError)
    if (error instanceof UserError) return [formatUserError(error)]
    throw error
  }
  throw new Error('expected a UserError')
}

async function asyncProblems(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run()
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError)
    if (error instanceof UserError) return [formatUserError(error)]
    throw error
  }
  throw new Error('expected a UserError')
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = Date.now()
  const value = run()
  return { value, ms: Date.now() - started }
}

const temp = () => mkdtempSync(path.join(tmpdir(), 'slipway-limits-'))

describe('slipway.yaml at scale', () => {
  it('reads a map of 50,000 keys in linear time', () => {
    const args = Array.from({ length: 50_000 }, (_, i) => `    K${i}: v`).join('\n')
    const text = `${head}  \nenvironments:\n  staging:\n    namespace: s\n`.replace(
      'manifests:',
      `  build-args:\n${args}\nmanifests:`
    )
    const { value, ms } = timed(() => parseConfig(text, 'slipway.yaml'))
    expect(Object.keys(value.image['build-args']!)).toHaveLength(50_000)
    expect(ms).toBeLessThan(3000)
  })

  it('still finds a duplicate key, on the line of the second one', () => {
    const text = `${head}environments:\n  staging:\n    namespace: s\n    namespace: t\n`
    expect(problems(() => parseConfig(text, 'slipway.yaml'))).toEqual([
      'slipway.yaml:8: invalid YAML: Map keys must be unique: "namespace" is repeated'
    ])
  })

  it('reports 20,000 mistakes, each on its line, in linear time', () => {
    const text = head + Array.from({ length: 20_000 }, (_, i) => `bad${i}: 1`).join('\n')
    const { value, ms } = timed(() => problems(() => parseConfig(text, 'slipway.yaml')))
    expect(value).toContain('slipway.yaml:5: bad0: unknown key')
    expect(value).toContain('slipway.yaml:20004: bad19999: unknown key')
    expect(ms).toBeLessThan(5000)
  })

  it('checks a promote-to chain of 4,000 environments in linear time, loop included', () => {
    const envs = Array.from(
      { length: 4000 },
      (_, i) => `  e${i}:\n    namespace: n\n    promote-to: e${i === 3999 ? 2000 : i + 1}`
    )
    const text = `${head}environments:\n${envs.join('\n')}\n`
    const { value, ms } = timed(() => problems(() => parseConfig(text, 'slipway.yaml')))
    expect(value).toHaveLength(1)
    expect(value[0]).toMatch(
      /^slipway\.yaml:\d+: environments\.e2000\.promote-to: promotion loops back: e2000 -> e2001 -> /
    )
    expect(ms).toBeLessThan(3000)
  })

  it('refuses an alias bomb in one line with the file', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++) {
      const ref = `*${String.fromCharCode(96 + i)}`
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(ref).join(',')}]`
      )
    }
    const lines = problems(() => parseConfig(`${head}${levels.join('\n')}\n`, 'slipway.yaml'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^slipway\.yaml(:\d+)?: .*alias/)
  })

  it('refuses a config file over the size limit before parsing it', async () => {
    const file = path.join(temp(), 'slipway.yaml')
    writeFileSync(file, `${head}# ${'x'.repeat(2 * 1024 * 1024)}\n`)
    expect(await asyncProblems(() => loadConfig(file))).toEqual([
      `${file}: config file is larger than the limit of 1 MiB`
    ])
  })

  it('refuses a FIFO instead of waiting for a writer', async () => {
    const fifo = path.join(temp(), 'slipway.yaml')
    execFileSync('mkfifo', [fifo])
    expect(await asyncProblems(() => loadConfig(fifo))).toEqual([
      `${fifo}: config file is not a regular file`
    ])
  })
})

describe('manifests at scale', () => {
  it('parses a 4 MB ConfigMap of many keys in linear time', () => {
    const data = Array.from({ length: 40_000 }, (_, i) => `  key${i}: ${'v'.repeat(90)}`)
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${data.join('\n')}\n`
    expect(text.length).toBeGreaterThan(4_000_000)
    const { value, ms } = timed(() => parseObjects(text, 'big.yaml'))
    expect(Object.keys(value[0].object.data as object)).toHaveLength(40_000)
    expect(ms).toBeLessThan(3000)
  })

  it('still finds a duplicate key in a manifest, on its line', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n'
    expect(problems(() => parseObjects(text, 'cm.yaml'))).toEqual([
      'cm.yaml:5: invalid YAML: Map keys must be unique: "name" is repeated'
    ])
  })

  it('refuses 285,000 documents in one line, without exhausting memory', () => {
    const text = 'a: 1\n---\n'.repeat(285_000)
    const { value, ms } = timed(() => problems(() => parseObjects(text, 'many.yaml')))
    expect(value).toEqual(['many.yaml: more than 10000 YAML documents'])
    expect(ms).toBeLessThan(5000)
  })

  it('refuses an alias bomb in a manifest in one line with the file', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++) {
      const ref = `*${String.fromCharCode(96 + i)}`
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(ref).join(',')}]`
      )
    }
    const lines = problems(() => parseObjects(`${levels.join('\n')}\n`, 'bomb.yaml'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^bomb\.yaml(:\d+)?: .*alias/)
  })

  it('refuses /dev/urandom as a previous render in one line', async () => {
    expect(await asyncProblems(() => readRenderedObjects('/dev/urandom'))).toEqual([
      '/dev/urandom: the previous render is not a regular file or a folder'
    ])
  })

  it('refuses flow collections nested 300,000 deep in one line, without the parser holding them all', () => {
    const before = process.memoryUsage().rss
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata: ${'['.repeat(300_000)}\n`
    expect(problems(() => parseObjects(text, 'deep.yaml'))).toEqual([
      'deep.yaml:5: invalid YAML: nested more than 1000 levels deep'
    ])
    expect(problems(() => parseConfig(`${head}x: ${'{'.repeat(300_000)}`, 'slipway.yaml'))).toEqual(
      ['slipway.yaml:5: invalid YAML: nested more than 1000 levels deep']
    )
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('does not count brackets in quoted strings and comments as nesting', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a # ${'['.repeat(2000)}\ndata:\n  a: "${'['.repeat(2000)}"\n  b: '${'{'.repeat(2000)}'\n`
    expect(parseObjects(text, 'ok.yaml')).toHaveLength(1)
  })

  it('counts the documents of helm output across its templates', () => {
    const doc =
      '# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'
    const text = Array.from({ length: 10_001 }, () => doc).join('---\n')
    expect(problems(() => parseHelmOutput(text, '/charts/app'))).toEqual([
      '/charts/app: more than 10000 YAML documents'
    ])
  })
})
