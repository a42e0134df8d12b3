import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse, parseAllDocuments } from 'yaml'
import { sortKeys } from '../../src/core/manifests/serialize.js'
import { emitYaml } from '../../src/core/manifests/yaml-emit.js'

const FIXTURES = path.resolve('..', 'shared', 'fixtures', 'manifests')

/** What kubectl (YAML 1.1) and a YAML 1.2 reader make of the text. */
function readBoth(text: string) {
  return [parse(text, { version: '1.1' }), parse(text, { version: '1.2' })]
}

const TRICKY = [
  '',
  ' ',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '~',
  'null',
  'true',
  '1',
  '0777',
  '0x1F',
  '1_000',
  '1:20',
  '1e3',
  '.5',
  '.inf',
  '-',
  '- a',
  '? x',
  ': x',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#x',
  '&a',
  '*a',
  '!t',
  '|',
  '>',
  "'q'",
  '"q"',
  '%x',
  '@x',
  '`x',
  '[a]',
  '{a}',
  'a,b',
  'trailing ',
  ' leading',
  'tab\tin',
  'multi\nline',
  'multi\nline\n',
  'multi\nline\n\n\n',
  '\nleading newline',
  'line \nspace',
  'cr\r\nlf',
  'ünïcödé',
  'emoji 🚀',
  'nul\u0000',
  'ghcr.io/acme/hello:1.2@sha256:' + 'a'.repeat(64),
  'http://x:80/y',
  '2024-01-31',
  '2024-01-31T12:00:00Z',
  '=',
  '<<',
  '--port=8080',
  '-1',
  '-.5',
  '--',
  '-Inf',
  '---',
  'a\\b',
  '/healthz',
  'x:'
]

describe('the YAML writer', () => {
  it.each(TRICKY)('writes %j so that YAML 1.1 and 1.2 read it back', (value) => {
    const document = { key: value, list: [value, { [value || 'empty']: value }], [value || 'k']: 1 }
    for (const read of readBoth(emitYaml(document))) expect(read).toEqual(document)
  })

  it('writes numbers, booleans, null and empty collections', () => {
    const document = {
      a: 1,
      b: -2.5,
      c: 1e21,
      d: true,
      e: null,
      f: [],
      g: {},
      h: [[1, [2]], []],
      i: 0
    }
    expect(emitYaml(document)).toBe(
      'a: 1\nb: -2.5\nc: 1.0e+21\nd: true\ne: null\nf: []\ng: {}\nh:\n-\n  - 1\n  -\n    - 2\n- []\ni: 0\n'
    )
    for (const read of readBoth(emitYaml(document))) expect(read).toEqual(document)
  })

  it('writes every real fixture object back to the same values, in the style of kubectl', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (/\.ya?ml$/.test(entry.name) && !full.includes('helm-chart')) files.push(full)
      }
    }
    walk(FIXTURES)
    let count = 0
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' })) {
        const value = sortKeys(doc.toJS())
        if (value === null || typeof value !== 'object') continue
        const text = emitYaml(value)
        expect(parse(text, { version: '1.1' })).toEqual(value)
        count++
      }
    }
    expect(count).toBeGreaterThan(100)
    const deployment = { spec: { containers: [{ name: 'app', args: ['--x'] }] } }
    expect(emitYaml(deployment)).toBe('spec:\n  containers:\n  - name: app\n    args:\n    - --x\n')
  })
})
