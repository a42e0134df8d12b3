import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { parseConfig } from '../../src/core/config/load.js'
import { formatUserError, UserError, UserErrors } from '../../src/core/errors.js'
import { REPO_ROOT } from '../support/runner.js'

// Every ```yaml example in the documentation parses, and every complete slipway.yaml among
// them (one with environments) is valid: users copy these.

const files = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...readdirSync(path.join(REPO_ROOT, 'actions')).map((a) => `actions/${a}/README.md`)
]

interface Example {
  file: string
  line: number
  text: string
}

function examples(): Example[] {
  const found: Example[] = []
  for (const file of files) {
    const lines = readFileSync(path.join(REPO_ROOT, file), 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*```ya?ml\s*$/.test(lines[i])) continue
      const indent = lines[i].indexOf('`')
      const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l))
      const body = lines.slice(i + 1, end).map((l) => l.slice(Math.min(indent, l.search(/\S|$/))))
      found.push({ file, line: i + 2, text: body.join('\n') + '\n' })
      i = end
    }
  }
  return found
}

function yamlErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((d) =>
    'errors' in d ? d.errors.map((e) => e.message) : []
  )
}

const all = examples()
const name = (e: Example) => `${e.file}:${e.line}`

describe('YAML examples in the documentation', () => {
  it('finds the examples', () => {
    expect(all.length).toBeGreaterThan(10)
  })

  it.each(all.map((e) => [name(e), e] as const))('%s parses', (_name, example) => {
    expect(yamlErrors(example.text)).toEqual([])
  })

  // Alternatives shown commented out (`# path: deploy/{env}`) are copied too.
  it.each(all.map((e) => [name(e), e] as const))(
    '%s parses with its commented-out keys',
    (_name, example) => {
      const uncommented = example.text.replace(/^(\s*)# (\s*[\w.-]+:(?:\s.*)?)$/gm, '$1$2')
      expect(yamlErrors(uncommented).filter((m) => !/unique|duplicate/i.test(m))).toEqual([])
    }
  )

  const configs = all.filter((e) => /^environments:/m.test(e.text) && /^image:/m.test(e.text))
  it.each(configs.map((e) => [name(e), e] as const))('%s is a valid slipway.yaml', (_n, e) => {
    let problems: string[] = []
    try {
      parseConfig(e.text, 'slipway.yaml')
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      problems = (error instanceof UserErrors ? error.errors : [error]).map(formatUserError)
    }
    expect(problems).toEqual([])
  })
})
