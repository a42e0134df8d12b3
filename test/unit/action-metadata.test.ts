import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

// Every action.yml (the root one and actions/<name>/action.yml) against the runner's rules and
// against its adapter in src/actions: the inputs the adapter reads and the outputs it sets must be
// declared, with descriptions, and a README beside each file must document them.

const root = fileURLToPath(new URL('../../', import.meta.url))

/** The seven actions of DESIGN.md. */
const ACTIONS = [
  'build-image',
  'scan-image',
  'render-manifests',
  'deploy',
  'canary-analysis',
  'promote',
  'rollback'
]

interface Metadata {
  name?: unknown
  description?: unknown
  inputs?: Record<string, { description?: unknown; required?: unknown; default?: unknown } | null>
  outputs?: Record<string, { description?: unknown } | null>
  runs?: { using?: unknown; main?: unknown }
}

/** One input as an adapter reads it: the reader's name and its fallback argument, if any. */
interface InputRead {
  name: string
  reader: string
  fallback?: string
}

interface ActionUnderTest {
  dir: string
  metadata: Metadata
  /** The bundle `runs.main` must name, relative to the repository. */
  bundle: string
  reads: InputRead[]
  outputsSet: string[]
  readme: string | undefined
}

/** Readers whose last argument is the value used when the input is empty. */
const READERS_WITH_FALLBACK = new Set(['booleanInput', 'durationInput', 'enumInput'])
const BOOLEAN_READERS = new Set(['booleanInput', 'getBooleanInput'])

/** Finds `xxxInput('name', ...)` calls, also when prettier breaks the arguments over lines. */
function inputsReadIn(source: string): InputRead[] {
  const reads: InputRead[] = []
  for (const match of source.matchAll(/\b(\w*Input)\(\s*(['"])([^'"]+)\2/g)) {
    const reader = match[1]
    const args = callArguments(source, match.index + reader.length + 1)
    const fallback = READERS_WITH_FALLBACK.has(reader) && args.length > 1 ? args.at(-1) : undefined
    reads.push({ name: match[3], reader, fallback })
  }
  return reads
}

function outputsSetIn(source: string): string[] {
  return [...source.matchAll(/\bsetOutput\(\s*(['"])([^'"]+)\1/g)].map((m) => m[2])
}

/** The top-level arguments of the call whose argument list starts at `start`. */
function callArguments(source: string, start: number): string[] {
  const args: string[] = []
  let current = ''
  let depth = 0
  let quote: string | undefined
  for (let i = start; i < source.length; i++) {
    const c = source[i]
    if (quote) {
      if (c === quote && source[i - 1] !== '\\') quote = undefined
      current += c
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c
      current += c
    } else if (c === ',' && depth === 0) {
      args.push(current.trim())
      current = ''
    } else if (')]}'.includes(c) && depth === 0) {
      args.push(current.trim())
      return args.filter((a) => a.length > 0)
    } else {
      if ('([{'.includes(c)) depth++
      if (')]}'.includes(c)) depth--
      current += c
    }
  }
  throw new Error(`unbalanced call at offset ${start}`)
}

/** `true`, `false` or a quoted string as written in the adapter; undefined for expressions. */
function literal(argument: string | undefined): string | undefined {
  if (argument === undefined) return undefined
  if (argument === 'true' || argument === 'false') return argument
  return /^'([^'\\]*)'$/.exec(argument)?.[1]
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  return String(value)
}

/** Everything wrong with one action.yml; empty when it is fine. */
function problemsOf(action: ActionUnderTest): string[] {
  const problems: string[] = []
  const { metadata, reads } = action
  const inputs = metadata.inputs ?? {}
  const outputs = metadata.outputs ?? {}

  if (!text(metadata.name)?.trim()) problems.push('has no name')
  if (!text(metadata.description)?.trim()) problems.push('has no description')
  if (metadata.runs?.using !== 'node24') {
    problems.push(`runs.using is ${JSON.stringify(metadata.runs?.using)}, expected node24`)
  }
  const main = metadata.runs?.main
  if (typeof main !== 'string') {
    problems.push('runs.main is missing')
  } else {
    const bundle = path.resolve(action.dir, main)
    if (bundle !== path.resolve(root, action.bundle)) {
      problems.push(`runs.main ${main} does not name ${action.bundle}`)
    }
    if (!existsSync(bundle)) problems.push(`runs.main ${main} does not exist`)
  }

  for (const [name, input] of Object.entries(inputs)) {
    if (!text(input?.description)?.trim()) problems.push(`input ${name} has no description`)
  }
  for (const [name, output] of Object.entries(outputs)) {
    if (!text(output?.description)?.trim()) problems.push(`output ${name} has no description`)
  }

  for (const read of reads) {
    if (!(read.name in inputs))
      problems.push(`input ${read.name} is read by the adapter but not declared`)
  }
  for (const name of new Set(action.outputsSet)) {
    if (!(name in outputs)) problems.push(`output ${name} is set by the adapter but not declared`)
  }

  for (const [name, input] of Object.entries(inputs)) {
    const readsOfIt = reads.filter((r) => r.name === name)
    const required = input?.required === true || input?.required === 'true'
    const alwaysRequired =
      readsOfIt.length > 0 && readsOfIt.every((r) => r.reader === 'requiredInput')
    if (alwaysRequired && !required) {
      problems.push(`input ${name} is required by the adapter but not marked required: true`)
    }
    if (required && !alwaysRequired) {
      problems.push(`input ${name} is marked required but the adapter does not require it`)
    }

    const declaredDefault = text(input?.default)
    for (const read of readsOfIt) {
      const fallback = literal(read.fallback)
      if (fallback !== undefined && declaredDefault !== fallback) {
        problems.push(
          `input ${name} defaults to ${JSON.stringify(declaredDefault)}, the adapter to ${JSON.stringify(fallback)}`
        )
      }
    }

    const booleanLooking =
      readsOfIt.some((r) => BOOLEAN_READERS.has(r.reader)) ||
      declaredDefault === 'true' ||
      declaredDefault === 'false' ||
      /\btrue or false\b/i.test(text(input?.description) ?? '')
    if (booleanLooking) {
      if (declaredDefault === undefined) {
        problems.push(`boolean input ${name} has no default`)
      } else if (!['true', 'false', ''].includes(declaredDefault)) {
        problems.push(`boolean input ${name} defaults to ${JSON.stringify(declaredDefault)}`)
      } else if (declaredDefault === '' && !/slipway\.yaml/.test(text(input?.description) ?? '')) {
        problems.push(
          `boolean input ${name} defaults to empty without saying where the value comes from`
        )
      }
    }
  }

  if (action.readme === undefined) {
    problems.push('has no README.md beside it')
  } else {
    for (const name of Object.keys(inputs)) {
      if (!action.readme.includes(`\`${name}\``))
        problems.push(`README.md does not document input ${name}`)
    }
    for (const name of Object.keys(outputs)) {
      if (!action.readme.includes(`\`${name}\``))
        problems.push(`README.md does not document output ${name}`)
    }
  }
  return problems
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** The inputs an adapter reads, including the `config` input of lib/config.ts when it loads slipway.yaml. */
function adapterContract(adapter: string): { reads: InputRead[]; outputsSet: string[] } {
  const source = readFileSync(path.join(root, 'src/actions', `${adapter}.ts`), 'utf8')
  const reads = inputsReadIn(source)
  if (source.includes('configFromInput(')) {
    reads.push(...inputsReadIn(readFileSync(path.join(root, 'src/actions/lib/config.ts'), 'utf8')))
  }
  return { reads, outputsSet: outputsSetIn(source) }
}

function load(relativeDir: string, adapter: string): ActionUnderTest {
  const dir = path.join(root, relativeDir)
  return {
    dir,
    metadata: parse(readFileSync(path.join(dir, 'action.yml'), 'utf8')) as Metadata,
    bundle: `dist/${adapter}/index.js`,
    ...adapterContract(adapter),
    readme: readIfExists(path.join(dir, 'README.md'))
  }
}

const all: [string, () => ActionUnderTest][] = [
  ['action.yml', () => load('.', 'setup')],
  ...ACTIONS.map((name): [string, () => ActionUnderTest] => [
    `actions/${name}/action.yml`,
    () => load(`actions/${name}`, name)
  ])
]

describe('action metadata', () => {
  it.each(all)('%s follows the rules and matches its adapter', (_label, loadAction) => {
    expect(problemsOf(loadAction())).toEqual([])
  })

  it('declares every action of DESIGN.md, one per adapter, and nothing else', () => {
    const folders = readdirSync(path.join(root, 'actions'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
    const adapters = readdirSync(path.join(root, 'src/actions'))
      .filter((f) => f.endsWith('.ts') && f !== 'setup.ts')
      .map((f) => f.slice(0, -3))
    expect(folders.sort()).toEqual([...ACTIONS].sort())
    expect(adapters.sort()).toEqual([...ACTIONS].sort())
  })

  it('reads the inputs of the adapters, including calls broken over lines', () => {
    const deploy = adapterContract('deploy').reads
    expect(deploy.map((r) => r.name).sort()).toEqual(
      [
        'config',
        'context',
        'dry-run',
        'environment',
        'github-token',
        'image-ref',
        'kubeconfig',
        'reason',
        'record-deployment',
        'timeout'
      ].sort()
    )
    expect(deploy.find((r) => r.name === 'dry-run')?.fallback).toBe('false')
    expect(adapterContract('setup').outputsSet).toEqual(['path', 'version', 'stdout', 'exit-code'])
  })
})

describe('the metadata checks', () => {
  it('find each kind of mistake', () => {
    const broken: ActionUnderTest = {
      dir: path.join(tmpdir(), 'slipway-no-such-action'),
      metadata: parse(`
name: broken
inputs:
  environment:
    required: false
  dry-run:
    description: Only print what would change (true or false).
  push:
    description: Push the image.
    default: 'false'
  only-new:
    description: Fail only on new findings (true or false).
    default: ''
outputs:
  digest: {}
runs:
  using: node20
  main: ../dist/other/index.js
`) as Metadata,
      bundle: 'dist/broken/index.js',
      reads: inputsReadIn(
        "requiredInput('environment')\nbooleanInput('push', true)\noptionalInput(\n  'tag'\n)"
      ),
      outputsSet: ['digest', 'image-ref'],
      readme: 'Inputs: `environment`, `push`. Outputs: `digest`.'
    }
    expect(problemsOf(broken).sort()).toEqual(
      [
        'has no description',
        'runs.using is "node20", expected node24',
        'runs.main ../dist/other/index.js does not name dist/broken/index.js',
        'runs.main ../dist/other/index.js does not exist',
        'input environment has no description',
        'output digest has no description',
        'input tag is read by the adapter but not declared',
        'output image-ref is set by the adapter but not declared',
        'input environment is required by the adapter but not marked required: true',
        'input push defaults to "false", the adapter to "true"',
        'boolean input dry-run has no default',
        'boolean input only-new defaults to empty without saying where the value comes from',
        'README.md does not document input dry-run',
        'README.md does not document input only-new'
      ].sort()
    )
    expect(problemsOf({ ...broken, readme: undefined })).toContain('has no README.md beside it')
  })
})
