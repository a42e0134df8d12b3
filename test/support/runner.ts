// Runs an action bundle in a child process the way the GitHub runner runs a `node24` action:
// inputs as INPUT_* variables, fresh file-command files, an event payload, a clean environment,
// and workflow commands read back from the output. See test/unit/runner-harness.test.ts.
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { eventOf, githubEnv, type RunEvent } from './github-context.js'
import {
  parseFileCommand,
  parsePathFile,
  processOutput,
  type Annotation,
  type WorkflowCommand
} from './workflow-commands.js'

export type { Annotation } from './workflow-commands.js'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A token-shaped value; nothing accepts it. */
export const FAKE_TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'

/** Refused at once on loopback, so an action that calls an API it was not given fails fast. */
const UNREACHABLE_API = 'http://127.0.0.1:9'

export interface RunOptions {
  /** Action inputs by their action.yml names; `image ref` becomes INPUT_IMAGE_REF. */
  inputs?: Record<string, string>
  /** An action.yml whose input defaults fill in inputs not given, as the runner does. */
  actionYml?: string
  /** `push` (default), `pull_request`, or a payload of your own. */
  event?: RunEvent
  /** GITHUB_WORKSPACE and the working directory; default an empty temp folder. */
  workspace?: string
  apiUrl?: string
  token?: string
  /** Extra variables (a step's `env:`); `undefined` removes one the harness sets. */
  env?: Record<string, string | undefined>
  /** Step debug logging (RUNNER_DEBUG=1): `::debug::` lines appear in `log`. */
  debug?: boolean
  /** Also run a post step: `true` for the same bundle, or the path of a post bundle. */
  post?: true | string
  timeoutMs?: number
}

export interface RunResult {
  exitCode: number
  outputs: Record<string, string>
  state: Record<string, string>
  env: Record<string, string>
  path: string[]
  annotations: Annotation[]
  masked: string[]
  /** Every workflow command the runner acted on (see processOutput). */
  commands: WorkflowCommand[]
  /** Values passed to `::add-mask::` that still appear in `log`: printed before they were masked. */
  leaked: string[]
  summary: string
  stdout: string
  stderr: string
  /** stdout and stderr lines as the runner shows them (see processOutput). */
  log: string
  workspace: string
  runnerTemp: string
  post?: RunResult
}

interface Step {
  bundle: string
  env: Record<string, string>
  cwd: string
  runnerTemp: string
  debug: boolean
  timeoutMs: number
}

const tempRoots: string[] = []

/** A temp folder removed by cleanupRuns(). */
export function tempDir(prefix = 'slipway-run-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  tempRoots.push(dir)
  return dir
}

export async function runAction(bundle: string, options: RunOptions = {}): Promise<RunResult> {
  const bundleFile = resolveBundle(bundle)
  const root = tempDir()
  const workspace = options.workspace ?? mkdir(root, 'workspace')
  const runnerTemp = mkdir(root, 'temp')
  const eventPath = path.join(root, 'event.json')
  const event = eventOf(options.event)
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2))

  const base: Record<string, string> = {
    ...githubEnv(event.name, event.payload),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: mkdir(root, 'tool-cache'),
    GITHUB_API_URL: options.apiUrl ?? UNREACHABLE_API,
    GITHUB_GRAPHQL_URL: `${options.apiUrl ?? UNREACHABLE_API}/graphql`,
    GITHUB_TOKEN: options.token ?? FAKE_TOKEN,
    ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
    ...inputEnv({ ...defaultsOf(options.actionYml, options.token), ...options.inputs })
  }
  const step = (bundleFile: string, env: Record<string, string>): Step => ({
    bundle: bundleFile,
    env: applyOverrides(env, options.env),
    cwd: workspace,
    runnerTemp,
    debug: options.debug ?? false,
    timeoutMs: options.timeoutMs ?? 30_000
  })

  const result = await runStep(step(bundleFile, { ...base, PATH: hostPath() }))
  if (options.post) {
    const postBundle = options.post === true ? bundleFile : resolveBundle(options.post)
    result.post = await runStep(step(postBundle, postEnv(base, result)))
  }
  return result
}

/** The runner gives later steps the main step's GITHUB_ENV and GITHUB_PATH, and its state. */
function postEnv(base: Record<string, string>, main: RunResult): Record<string, string> {
  const state = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]))
  const pathDirs = [...main.path].reverse()
  return { ...base, ...main.env, ...state, PATH: [...pathDirs, hostPath()].join(path.delimiter) }
}

/** Removes the temp folders made so far (not workspaces passed in from elsewhere). */
export function cleanupRuns(): void {
  for (const root of tempRoots.splice(0)) rmSync(root, { recursive: true, force: true })
}

async function runStep(step: Step): Promise<RunResult> {
  const commandDir = mkdir(step.runnerTemp, '_runner_file_commands')
  const files = {
    GITHUB_OUTPUT: `set_output_${randomUUID()}`,
    GITHUB_STATE: `save_state_${randomUUID()}`,
    GITHUB_ENV: `set_env_${randomUUID()}`,
    GITHUB_PATH: `add_path_${randomUUID()}`,
    GITHUB_STEP_SUMMARY: `step_summary_${randomUUID()}`
  }
  const filePaths = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [name, path.join(commandDir, file)])
  ) as Record<keyof typeof files, string>
  for (const file of Object.values(filePaths)) writeFileSync(file, '')

  const env = { ...step.env, ...filePaths }
  const run = await spawnNode(step.bundle, env, step.cwd, step.timeoutMs)
  const processed = processOutput(run.lines, step.debug)
  const read = (file: string) => readFileSync(file, 'utf8')
  return {
    exitCode: run.exitCode,
    outputs: parseFileCommand(read(filePaths.GITHUB_OUTPUT)),
    state: parseFileCommand(read(filePaths.GITHUB_STATE)),
    env: parseFileCommand(read(filePaths.GITHUB_ENV)),
    path: parsePathFile(read(filePaths.GITHUB_PATH)),
    annotations: processed.annotations,
    masked: processed.masked,
    commands: processed.commands,
    leaked: processed.masked.filter((secret) => processed.log.includes(secret)),
    summary: read(filePaths.GITHUB_STEP_SUMMARY),
    stdout: run.stdout,
    stderr: run.stderr,
    log: processed.log,
    workspace: step.cwd,
    runnerTemp: step.runnerTemp
  }
}

interface ChildRun {
  exitCode: number
  stdout: string
  stderr: string
  /** Complete lines of both streams in the order they ended. */
  lines: string[]
}

function spawnNode(
  bundle: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary(), [bundle], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    const text = { stdout: '', stderr: '' }
    const pending = { stdout: '', stderr: '' }
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const data = chunk.toString('utf8')
      text[stream] += data
      const parts = (pending[stream] + data).split(/\r?\n/)
      pending[stream] = parts.pop() ?? ''
      lines.push(...parts)
    }
    child.stdout.on('data', collect('stdout'))
    child.stderr.on('data', collect('stderr'))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      for (const rest of [pending.stdout, pending.stderr]) if (rest) lines.push(rest)
      if (code === null) {
        const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs} ms` : `killed by ${signal}`
        reject(
          new Error(`${path.relative(REPO_ROOT, bundle)} ${why}; output:\n${lines.join('\n')}`)
        )
        return
      }
      resolve({ exitCode: code, stdout: text.stdout, stderr: text.stderr, lines })
    })
  })
}

/** `deploy` means dist/deploy/index.js; anything with a slash is a path from the repo root. */
function resolveBundle(bundle: string): string {
  const file = bundle.includes('/')
    ? path.resolve(REPO_ROOT, bundle)
    : path.join(REPO_ROOT, 'dist', bundle, 'index.js')
  if (!existsSync(file)) throw new Error(`no bundle at ${file} (npm run bundle builds them)`)
  return file
}

const checkedNodes = new Set<string>()

/**
 * The node that runs bundles: SLIPWAY_TEST_NODE, else Node 24 from scripts/node24.sh. Never the
 * node running jest: a bundle that works on 20 may not on 24, the runtime actions declare.
 */
export function nodeBinary(): string {
  const override = process.env.SLIPWAY_TEST_NODE
  const node = override || path.join(REPO_ROOT, '.cache', 'node24', 'bin', 'node')
  if (checkedNodes.has(node)) return node
  if (!existsSync(node)) {
    throw new Error(
      override
        ? `SLIPWAY_TEST_NODE=${override} does not exist`
        : `Node 24 is missing at ${node}: run scripts/node24.sh (or set SLIPWAY_TEST_NODE)`
    )
  }
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  if (!override && !version.startsWith('v24.')) {
    throw new Error(`${node} is ${version}, expected v24.x: run scripts/node24.sh`)
  }
  checkedNodes.add(node)
  return node
}

/** The developer's PATH, so tools such as kubectl are found; nothing else leaks in. */
function hostPath(): string {
  return process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'
}

/** The runner's naming: `INPUT_` + name with spaces as underscores, upper-cased; hyphens stay. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]))
}

function defaultsOf(actionYml: string | undefined, token = FAKE_TOKEN): Record<string, string> {
  if (!actionYml) return {}
  const action = parseYaml(readFileSync(path.resolve(REPO_ROOT, actionYml), 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
  }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input?.default === undefined) continue
    const value = String(input.default)
    if (/^\$\{\{\s*github\.token\s*\}\}$/.test(value)) defaults[name] = token
    else if (value.includes('${{')) throw new Error(`${actionYml}: cannot evaluate "${value}"`)
    else defaults[name] = value
  }
  return defaults
}

function applyOverrides(
  env: Record<string, string>,
  overrides: Record<string, string | undefined> = {}
): Record<string, string> {
  const result = { ...env }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete result[name]
    else result[name] = value
  }
  return result
}

function mkdir(parent: string, name: string): string {
  const dir = path.join(parent, name)
  mkdirSync(dir, { recursive: true })
  return dir
}
