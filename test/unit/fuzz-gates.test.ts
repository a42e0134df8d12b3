import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { judgeSamples } from '../../src/core/canary/analysis.js'
import { parseSamplesFile } from '../../src/core/canary/samples-file.js'
import { analysisSchema } from '../../src/core/config/schema.js'
import { UserError } from '../../src/core/errors.js'
import { parseSampleValue } from '../../src/core/metrics/sample-value.js'
import { FAIL_ON, runGate, type FailOn } from '../../src/core/scan/index.js'
import { seededRandom } from '../support/random.js'
import { SCAN_FIXTURES } from '../support/scan-reference.js'

// Generated malformed input for the gates: real Trivy and Grype reports mutated at random (types
// swapped, keys dropped or re-cased, severities garbled, text cut) go to the scan gate, and
// metric series with non-numbers, extremes, NaN and blanks go to the canary judge. Whatever the
// input: no pass on what cannot be read, no internal error, an answer within the bound.
// SLIPWAY_FUZZ_SEED=<n> replays one seed; otherwise a fixed seed and one from the clock run.

const FIXED_SEED = 20261207
const CASES_PER_SEED = 150
const CASE_BOUND_MS = 2000

const seeds = process.env.SLIPWAY_FUZZ_SEED
  ? [Number(process.env.SLIPWAY_FUZZ_SEED)]
  : [FIXED_SEED, Date.now() % 2 ** 31]

jest.setTimeout(120_000)

const REPORTS = [
  'trivy/alpine-310.json',
  'trivy/gomod.json',
  'trivy/pip.json',
  'grype/presenter-image.json',
  'grype/chainguard-ruby.json'
]

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

let dir: string
const originals = new Map<string, Json>()
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slipway-fuzz-'))
  for (const file of REPORTS) {
    originals.set(file, JSON.parse(await readFile(path.join(SCAN_FIXTURES, file), 'utf8')))
  }
})
afterAll(() => rm(dir, { recursive: true, force: true }))

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]

const JUNK: readonly Json[] = [
  null,
  0,
  1,
  -1,
  9.8,
  1e308,
  true,
  false,
  '',
  ' ',
  'crit',
  '4',
  'HIGH\u0000',
  'high',
  'Critical ',
  'UNKNOWN',
  'not_affected',
  '::error::x',
  'x'.repeat(5000),
  [],
  {},
  [null],
  { 0: 1 }
]

/** Every place in the document: [parent, key] pairs. */
function places(root: Json): [Json, string | number][] {
  const out: [Json, string | number][] = []
  const walk = (node: Json) => {
    if (!node || typeof node !== 'object') return
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      out.push([node, key])
      walk(node[key])
    }
  }
  walk(root)
  return out
}

/** One to three structural mutations, or a cut or a stray byte in the text. */
function mutate(random: Random, original: Json): string {
  const doc = JSON.parse(JSON.stringify(original))
  const text = () => JSON.stringify(doc)
  const kind = random()
  if (kind < 0.1) {
    const full = text()
    return full.slice(0, Math.floor(random() * full.length))
  }
  if (kind < 0.15) {
    const full = text()
    const at = Math.floor(random() * full.length)
    // Not a NUL: the streaming reader does not check the bytes inside strings it skips (such as
    // References), so a NUL there leaves the fields the gate reads intact (see the report).
    return full.slice(0, at) + pick(random, ['{', '"', ',', ']', ':', 'x']) + full.slice(at)
  }
  const rounds = 1 + Math.floor(random() * 3)
  for (let round = 0; round < rounds; round++) {
    const all = places(doc)
    if (all.length === 0) break
    // Favour the parts the gate reads: severities, IDs, lists of findings.
    const interesting = all.filter(([, key]) =>
      [
        'Severity',
        'severity',
        'VulnerabilityID',
        'id',
        'Vulnerabilities',
        'matches',
        'Results',
        'descriptor',
        'vulnerability',
        'Status',
        'SchemaVersion',
        'name'
      ].includes(String(key))
    )
    const [parent, key] = pick(random, random() < 0.7 && interesting.length ? interesting : all)
    const how = random()
    if (how < 0.5) parent[key] = pick(random, JUNK)
    else if (how < 0.7 && !Array.isArray(parent)) delete parent[key]
    else if (how < 0.85 && !Array.isArray(parent)) {
      const renamed = pick(random, [String(key).toLowerCase(), String(key).toUpperCase()])
      const value = parent[key]
      delete parent[key]
      parent[renamed] = value
    } else if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else parent[key] = [parent[key]]
  }
  return text()
}

const TRIVY_WRITES = new Map([
  ['CRITICAL', 4],
  ['HIGH', 3],
  ['MEDIUM', 2],
  ['LOW', 1],
  ['UNKNOWN', 0]
])
const GRYPE_WRITES = new Map([
  ['Critical', 4],
  ['High', 3],
  ['Medium', 2],
  ['Low', 1],
  ['Negligible', 1],
  ['Unknown', 0]
])
const RANK: Record<FailOn, number> = { critical: 4, high: 3, medium: 2, low: 1 }
const isObject = (v: Json) => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A plain reading of docs/scan.md's rules: undefined when the report is not one a scanner
 * writes, else whether a finding reaches fail-on (unknown blocks under low only).
 */
function readable(textValue: string, failOn: FailOn): { blocks: boolean } | undefined {
  let doc: Json
  try {
    doc = JSON.parse(textValue)
  } catch {
    return undefined
  }
  if (!isObject(doc)) return undefined
  const reaches = (rank: number) => (rank === 0 ? failOn === 'low' : rank >= RANK[failOn])
  let blocks = false
  if ('SchemaVersion' in doc) {
    if (doc.SchemaVersion !== 2 || !Array.isArray(doc.Results) || doc.Results.length === 0)
      return undefined
    for (const result of doc.Results) {
      if (!isObject(result)) return undefined
      if (
        Object.keys(result).some(
          (k) => k !== 'Vulnerabilities' && k.toLowerCase() === 'vulnerabilities'
        )
      )
        return undefined
      const list = result.Vulnerabilities ?? []
      if (!Array.isArray(list)) return undefined
      for (const v of list) {
        if (!isObject(v) || typeof v.VulnerabilityID !== 'string' || !v.VulnerabilityID)
          return undefined
        if (!TRIVY_WRITES.has(v.Severity)) return undefined
        if (v.Status !== 'not_affected' && reaches(TRIVY_WRITES.get(v.Severity)!)) blocks = true
      }
    }
    return { blocks }
  }
  if (!isObject(doc.descriptor) || doc.descriptor.name !== 'grype' || !Array.isArray(doc.matches))
    return undefined
  for (const m of doc.matches) {
    if (!isObject(m) || !isObject(m.vulnerability)) return undefined
    const v = m.vulnerability
    if (typeof v.id !== 'string' || !v.id || !GRYPE_WRITES.has(v.severity)) return undefined
    if (reaches(GRYPE_WRITES.get(v.severity)!)) blocks = true
  }
  return { blocks }
}

async function timed<T>(
  work: () => Promise<T> | T
): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now()
  try {
    const value = await work()
    return { value, ms: performance.now() - started }
  } catch (error) {
    return { error, ms: performance.now() - started }
  }
}

function failWith(seed: number, index: number, what: string, detail: string): never {
  throw new Error(
    `fuzz case ${index} of seed ${seed} (replay: SLIPWAY_FUZZ_SEED=${seed}): ${what}: ${detail}`
  )
}

describe.each(seeds)('fuzz with seed %i', (seed) => {
  it('the scan gate never passes a report it cannot read, nor breaks, nor hangs', async () => {
    if (seed !== FIXED_SEED) console.log(`fuzz-gates: time-derived seed ${seed}`)
    const random = seededRandom(seed)
    const count = Math.round(CASES_PER_SEED * 0.7)
    for (let index = 0; index < count; index++) {
      const source = pick(random, REPORTS)
      const failOn = pick(random, FAIL_ON)
      const text = mutate(random, originals.get(source))
      const file = path.join(dir, `case-${seed}-${index}.json`)
      await writeFile(file, text)
      const run = await timed(() =>
        runGate({ reportFile: file, policy: { failOn, ignoreUnfixed: false }, now: new Date(0) })
      )
      const where = `${source}, fail-on ${failOn}, ${text.length} bytes`
      if (run.error) failWith(seed, index, 'internal error', `${where}: ${String(run.error)}`)
      if (run.ms > CASE_BOUND_MS) failWith(seed, index, 'too slow', `${where}: ${run.ms} ms`)
      const { result } = run.value!
      if (result.verdict === 'pass') {
        const plain = readable(text, failOn)
        if (!plain) failWith(seed, index, 'passed an unreadable report', where)
        if (plain.blocks) failWith(seed, index, 'passed a finding at fail-on', where)
      }
      if (result.failClosed !== undefined && result.failClosed.includes('\n')) {
        failWith(seed, index, 'a reason of more than one line', result.failClosed)
      }
    }
  })

  it('the canary judge never passes series it cannot read, nor breaks, nor hangs', async () => {
    const random = seededRandom(seed ^ 0x5eed)
    const MAX = Number.MAX_VALUE
    const values: readonly Json[] = [
      '',
      null,
      true,
      'NaN',
      '+Inf',
      '-Inf',
      '1e400',
      'abc',
      '12',
      '0',
      '-3.5',
      ' 7',
      '0x1f',
      5,
      MAX,
      -MAX,
      5e-324,
      0,
      NaN
    ]
    const analysis = analysisSchema.parse({
      metrics: [
        { name: 'latency', query: 'q', direction: 'increase' },
        { name: 'errors', query: 'q', 'on-no-data': 'fail' }
      ]
    })
    const count = CASES_PER_SEED - Math.round(CASES_PER_SEED * 0.7)
    for (let index = 0; index < count; index++) {
      const series = () => {
        const n = pick(random, [0, 1, 5, 10, 30, 200])
        const style = random()
        return Array.from({ length: n }, () => {
          if (style < 0.3) return pick(random, values)
          if (style < 0.6) return String(100 + Math.floor(random() * 20))
          return pick(random, [String(MAX), String(-MAX), '1e-320', String(random() * 1e3)])
        })
      }
      // As Prometheus would send them (strings), and as a samples file would hold them (JSON).
      const raw = { latency: [series(), series()], errors: [series(), series()] }
      const asProvider = (side: 0 | 1) =>
        new Map(
          Object.entries(raw).map(([name, sides]) => [name, sides[side].map(parseSampleValue)])
        )
      const run = await timed(() => judgeSamples(analysis, asProvider(0), asProvider(1)))
      const where = `series lengths ${Object.values(raw)
        .map((s) => s.map((x) => x.length).join('/'))
        .join(', ')}`
      if (run.error) failWith(seed, index, 'internal error', `${where}: ${String(run.error)}`)
      if (run.ms > CASE_BOUND_MS) failWith(seed, index, 'too slow', `${where}: ${run.ms} ms`)
      const usable = (side: Json[]) => side.map(parseSampleValue).filter(Number.isFinite).length
      const readableSeries = Object.values(raw).every((sides) =>
        sides.every((s) => usable(s) >= 10)
      )
      if (!readableSeries && run.value!.verdict === 'pass') {
        failWith(seed, index, 'passed series without enough numbers', where)
      }

      const fileText = JSON.stringify({ metrics: { latency: raw.latency[0] } })
      const parsed = await timed(() => parseSamplesFile(fileText, 'canary.json'))
      if (parsed.error && !(parsed.error instanceof UserError)) {
        failWith(seed, index, 'internal error reading a samples file', String(parsed.error))
      }
    }
    expect(true).toBe(true)
  })
})
