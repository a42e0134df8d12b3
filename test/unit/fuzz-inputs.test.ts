// Malformed and mutated slipway.yaml configs and manifests, generated from real ones with a seeded
// generator, fed to `slipway validate` and `slipway render`. Whatever the input: never exit 0 on
// input that is not valid YAML, never an internal error, each case within a time bound, memory
// bounded. A failure prints the seed; SLIPWAY_FUZZ_SEED=<seed> replays it.
import { describe, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import { main, type Io } from '../../src/cli/main.js'

const SEED = Number(process.env.SLIPWAY_FUZZ_SEED ?? Date.now() % 2 ** 31)
const CASES_EACH = Number(process.env.SLIPWAY_FUZZ_CASES ?? 100)
const CASE_MS = 10_000
const RSS_GROWTH_BYTES = 512 * 1024 * 1024

// mulberry32: small, fast, and the same sequence for the same seed everywhere.
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]
  return { next, int, pick }
}
type Random = ReturnType<typeof generator>

const FRAGMENTS = [
  '\u0000',
  '\t',
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '<<: *a',
  '---\n',
  '...\n',
  '"',
  "'",
  '|',
  '>',
  '#',
  '%YAML 1.2\n',
  '!!binary ',
  '!custom ',
  '\ufeff',
  '\u202e',
  '\r',
  '? ',
  ',',
  '@',
  '`',
  'null',
  '~',
  'true',
  '-1',
  '99999',
  '0x1F',
  '1e400',
  'NaN',
  '.inf',
  'Bad_Name',
  '../../x',
  'NGINX:1',
  'nginx@sha256:abc',
  'nginx:bad tag',
  '__proto__',
  'constructor'
]

function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i)
    const previous = `*${String.fromCharCode(96 + i)}`
    lines.push(`${name}: &${name} [${Array(9).fill(previous).join(',')}]`)
  }
  return lines.join('\n') + '\n'
}

/** One mutation of `text`, chosen by `random`. */
function mutate(text: string, random: Random): string {
  const lines = text.split('\n')
  const at = random.int(Math.max(1, text.length))
  const line = random.int(lines.length)
  switch (random.int(12)) {
    case 0:
      return text.slice(0, at)
    case 1:
      return text.slice(0, at) + random.pick(FRAGMENTS) + text.slice(at)
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + random.int(20))
    case 3:
      lines.splice(line, 0, lines[line])
      return lines.join('\n')
    case 4:
      lines.splice(line, 1)
      return lines.join('\n')
    case 5:
      lines[line] = ' '.repeat(random.int(5)) + lines[line].trimStart()
      return lines.join('\n')
    case 6:
      return text + '\n' + aliasBomb()
    case 7: {
      const depth = 1000 + random.int(50_000)
      return (
        text.slice(0, at) +
        '['.repeat(depth) +
        ']'.repeat(random.int(2) ? depth : 0) +
        text.slice(at)
      )
    }
    case 8:
      return text.slice(0, at) + 'x'.repeat(random.int(2_000_000)) + text.slice(at)
    case 9:
      return Array.from({ length: 1 + random.int(4) }, () => text).join('\n---\n')
    case 10:
      lines[line] = lines[line].replace(/:\s.*$/, `: ${random.pick(FRAGMENTS)}`)
      return lines.join('\n')
    default:
      return Array.from({ length: 1 + random.int(3) }, () => mutateBytes(text, random)).join('')
  }
}

function mutateBytes(text: string, random: Random): string {
  const chars = [...text]
  for (let i = 0; i < 1 + random.int(8); i++) {
    chars[random.int(chars.length)] = String.fromCharCode(random.int(0x250))
  }
  return chars.join('')
}

/** The yaml library's own verdict, independent of slipway: is this a YAML stream at all? */
function isYaml(text: string): boolean {
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: false })
    return (Array.isArray(docs) ? docs : [docs]).every((d) => d.errors.length === 0)
  } catch {
    return false
  }
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f))
}

const CONFIGS = ['test/fixtures/app/slipway.yaml', 'examples/hello/slipway.yaml'].map((f) =>
  readFileSync(f, 'utf8')
)
const MANIFESTS = yamlFilesUnder(path.resolve('..', 'shared', 'fixtures', 'manifests'))
  .filter((f) => !f.includes('kustomization'))
  .map((f) => readFileSync(f, 'utf8'))
  .filter((text) => text.length < 50_000)

const PLAIN_CONFIG = [
  'image:',
  '  repository: ghcr.io/acme/hello',
  'manifests:',
  '  path: deploy',
  'environments:',
  '  staging:',
  '    namespace: staging',
  ''
].join('\n')

async function slipway(args: string[], cwd: string) {
  let err = ''
  const io: Io = { out: () => undefined, err: (text) => void (err += text), cwd }
  const started = Date.now()
  const code = await main(args, io)
  return { code, err, ms: Date.now() - started }
}

interface Case {
  input: string
  code: number
  err: string
  ms: number
}

function check(kind: string, index: number, result: Case, readable: boolean): void {
  const where = `seed ${SEED}, ${kind} case ${index} (SLIPWAY_FUZZ_SEED=${SEED} replays it)`
  const input = JSON.stringify(result.input.slice(0, 300))
  if (/internal error/.test(result.err)) {
    throw new Error(`${where}: internal error: ${result.err.slice(0, 300)}\ninput: ${input}`)
  }
  if (!readable && result.code === 0) {
    throw new Error(`${where}: exit 0 on input that is not YAML\ninput: ${input}`)
  }
  if (result.ms > CASE_MS) {
    throw new Error(`${where}: took ${result.ms} ms (bound ${CASE_MS})\ninput: ${input}`)
  }
  const grown = process.memoryUsage().rss - startRss
  if (grown > RSS_GROWTH_BYTES) {
    throw new Error(`${where}: memory grew by ${Math.round(grown / 2 ** 20)} MiB\ninput: ${input}`)
  }
}

let startRss = process.memoryUsage().rss

describe(`fuzzed inputs (seed ${SEED})`, () => {
  it(`validate: ${CASES_EACH} mutated slipway.yaml`, async () => {
    startRss = process.memoryUsage().rss
    const random = generator(SEED)
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-fuzz-config-'))
    const file = path.join(root, 'slipway.yaml')
    const workflows = path.join(root, 'workflows')
    mkdirSync(workflows)
    for (let i = 0; i < CASES_EACH; i++) {
      let input = random.pick(CONFIGS)
      for (let m = 0; m < 1 + random.int(3); m++) input = mutate(input, random)
      writeFileSync(file, input)
      const result = await slipway(['validate', '--config', file, '--workflows', workflows], root)
      check('config', i, { ...result, input }, isYaml(input))
    }
    rmSync(root, { recursive: true, force: true })
  }, 300_000)

  it(`render: ${CASES_EACH} mutated manifests`, async () => {
    startRss = process.memoryUsage().rss
    const random = generator(SEED + 1)
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-fuzz-render-'))
    writeFileSync(path.join(root, 'slipway.yaml'), PLAIN_CONFIG)
    mkdirSync(path.join(root, 'deploy'))
    for (let i = 0; i < CASES_EACH; i++) {
      let input = random.pick(MANIFESTS)
      for (let m = 0; m < 1 + random.int(3); m++) input = mutate(input, random)
      writeFileSync(path.join(root, 'deploy', 'app.yaml'), input)
      const result = await slipway(['render', '--env', 'staging'], root)
      check('manifest', i, { ...result, input }, isYaml(input))
    }
    rmSync(root, { recursive: true, force: true })
  }, 300_000)
})
